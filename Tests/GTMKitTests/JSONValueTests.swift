import Testing
@testable import GTMKit

@Suite struct JSONValueTests {
    // RFC 8259 §7: the quotation mark, the reverse solidus and the control characters
    // U+0000–U+001F must be escaped; everything else may be written as it is.
    @Test(arguments: [
        ("plain 12,345 ¥", #""plain 12,345 ¥""#),
        ("众筹 🎥", #""众筹 🎥""#),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"C:\gtm"#, #""C:\\gtm""#),
        ("a\nb\tc\rd", #""a\nb\tc\rd""#),
        ("\u{01}\u{1F}\u{7F}", #""\u0001\u001f\#u{7F}""#),
        ("é\"\u{0}", #""é\"\u0000""#),
    ])
    func stringsAreEscapedAsTheRFCRequires(text: String, expected: String) {
        #expect(JSONValue.string(text).serialized() == expected)
    }

    @Test func nestingIsIndentedTwoSpacesALevel() {
        let value = JSONValue.object([
            ("a", .array([.integer(1), .object([]), .array([]), .null])),
            ("b", .object([("c", .bool(true)), ("d", .number(0.25))])),
        ])
        let expected = """
            {
              "a": [
                1,
                {},
                [],
                null
              ],
              "b": {
                "c": true,
                "d": 0.25
              }
            }
            """
        #expect(value.serialized() == expected)
    }

    @Test func numbersJSONCannotHoldBecomeNull() {
        #expect(JSONValue.array([.number(.nan), .number(-.infinity), .number(3), .number(-1.5)]).serialized()
            == "[\n  null,\n  null,\n  3,\n  -1.5\n]")
    }
}
