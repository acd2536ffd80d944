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

@Suite struct HostileTextTests {
    @Test func mappingsNestedThousandsOfLevelsDeepStopAtTheDepthLimit() {
        // 3,000 levels: line n is indented n − 1 spaces. The reader stops at level 33.
        var text = ""
        for level in 0..<3000 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        #expect(syntaxError(text) == "33:33: nesting is deeper than 32 levels")
    }

    @Test func listsNestedThousandsOfLevelsOnOneLine() {
        // `a:` is level 1; the k-th dash (from 0) opens level 2 + k at column 3 + 2k,
        // so level 33 is the dash at column 65.
        let text = "a:\n  " + String(repeating: "- ", count: 2000) + "x\n"
        #expect(syntaxError(text) == "2:65: nesting is deeper than 32 levels")
    }

    @Test func longLinesAndLargeFilesAreRefused() {
        let long = "name: " + String(repeating: "x", count: 5000) + "\n"
        #expect(syntaxError(long) == "1:1: line 1 is 5006 bytes long; the limit is 4096")
        let large = [UInt8](repeating: UInt8(ascii: "#"), count: Limits.fileBytes + 1)
        #expect(throws: Diagnostic.self) { try Parser.parse(large, source: 0) }
    }

    @Test func manyItemsAreFineButTooManyAreRefused() throws {
        var text = "roster:\n"
        for index in 0..<1000 { text += "  - n\(index)\n" }
        #expect(try parse(text)["roster"]?.items?.count == 1000)
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array("a: ok\nb: caf".utf8) + [0xC3] + Array("\n".utf8)
        #expect(throws: Diagnostic.self) { try Parser.parse(bytes, source: 0) }
        do {
            _ = try Parser.parse(bytes, source: 0)
        } catch {
            #expect(error.mark == Mark(line: 2, column: 7))
            #expect(error.message == "the file is not valid UTF-8 (byte 0xC3 then 0x0A)")
        }
    }
}
