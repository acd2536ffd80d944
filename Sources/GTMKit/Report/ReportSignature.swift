/// How gtm recognises a report it wrote, so `--out` replaces reports and nothing else.
/// Each renderer's signature is the text it always writes: the Markdown footer, the JSON's
/// `gtm` object, the CSV's `gtm,fingerprint` row (the HTML carries the Markdown footer).
public enum ReportSignature {
    /// Markers, each present in every report of one format and language.
    static let markers: [[UInt8]] = [
        " · inputs sha256:", " · 输入 sha256:", "\"fingerprint\": \"", "\r\ngtm,fingerprint,",
    ].map { Array($0.utf8) }

    /// True when `bytes` hold a report gtm wrote (in any format and language).
    public static func isReport(_ bytes: [UInt8]) -> Bool {
        markers.contains { bytes.contains($0) }
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs in the bytes.
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        while index <= count - needle.count {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
