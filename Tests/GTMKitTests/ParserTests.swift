import Testing
@testable import GTMKit

/// Parses `text` as a scenario file named `t.txt`.
func parse(_ text: String) throws(Diagnostic) -> Node {
    try Parser.parse(Array(text.utf8), source: 0)
}

/// The first syntax error of `text` as `line:col: message`, or nil when it parses.
func syntaxError(_ text: String) -> String? {
    do {
        _ = try parse(text)
        return nil
    } catch {
        return "\(error.mark.line):\(error.mark.column): \(error.message)"
    }
}

@Suite struct ParserTests {
    @Test func mappingsListsAndScalars() throws {
        let root = try parse("""
        # comment
        product:
          name: "Aurora: Pro"   # trailing comment
          price: 399
        channels:
          - name: Tmall
            reach: 2M
          - name: 'It''s'
        """)
        #expect(root["product"]?["name"]?.scalar == "Aurora: Pro")
        #expect(root["product"]?["name"]?.quoted == true)
        #expect(root["product"]?["price"]?.scalar == "399")
        #expect(root["product"]?["price"]?.mark == Mark(line: 4, column: 10))
        let items = try #require(root["channels"]?.items)
        #expect(items.count == 2)
        #expect(items[0]["reach"]?.scalar == "2M")
        #expect(items[0]["reach"]?.mark == Mark(line: 7, column: 12))
        #expect(items[1]["name"]?.scalar == "It's")
    }

    @Test func plainValuesKeepHashesWithoutASpaceBefore() throws {
        let root = try parse("a:\n  b: C# and F#  # comment\n")
        #expect(root["a"]?["b"]?.scalar == "C# and F#")
    }

    @Test func doubleQuotedEscapes() throws {
        let root = try parse(#"a: "x\"y\\z\n\t\u00e9\uD83D\uDE00""# + "\n")
        #expect(root["a"]?.scalar == "x\"y\\z\n\té😀")
    }

    @Test func emptyFileIsAnEmptyMapping() throws {
        #expect(try parse("").pairs?.isEmpty == true)
        #expect(try parse("# only a comment\n\n").pairs?.isEmpty == true)
    }

    @Test func leadingDocumentMarkerAndCRLF() throws {
        let root = try parse("---\r\na: 1\r\nb:\r\n  c: 2\r\n")
        #expect(root["a"]?.scalar == "1")
        #expect(root["b"]?["c"]?.scalar == "2")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let root = try Parser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), source: 0)
        #expect(root["a"]?.scalar == "1")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try parse("名称: 极光台灯\n")
        #expect(root["名称"]?.mark == Mark(line: 1, column: 5))
    }

    @Test func keyWithNoValueIsEmpty() throws {
        let root = try parse("a:\nb: 1\n")
        if case .empty = root["a"]?.content {} else { Issue.record("expected empty") }
    }
}
