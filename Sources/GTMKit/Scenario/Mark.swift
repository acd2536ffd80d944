/// A place in a source: which file, and a 1-based line and column.
///
/// Columns count Unicode scalars, so a Chinese character is one column,
/// as editors show it.
package struct Mark: Sendable, Hashable, Comparable {
    /// Index into the `SourceTable` the mark was made for.
    package var source: Int
    var line: Int
    var column: Int

    init(source: Int = 0, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    package static func < (a: Mark, b: Mark) -> Bool {
        (a.source, a.line, a.column) < (b.source, b.line, b.column)
    }
}

/// One text the scenario was read from: a file, an included file, or a `--set` argument.
package struct SourceFile: Sendable {
    /// The name printed in diagnostics: the path as the user wrote it, or `--set`.
    package var name: String
    /// The raw bytes, as read.
    var bytes: [UInt8]

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The text of a 1-based line, without its line break; empty when out of range.
    /// Invalid UTF-8 is repaired so that a diagnostic can always be printed.
    func line(_ number: Int) -> String {
        guard number >= 1 else { return "" }
        var line = 1
        var start = 0
        var index = 0
        while index < bytes.count, line < number {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                start = index + 1
            }
            index += 1
        }
        guard line == number else { return "" }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// All the texts one run has read, so that a `Mark` can name its file and line.
package struct SourceTable: Sendable {
    private(set) var files: [SourceFile] = []

    init() {}

    /// Adds a source and returns its index for `Mark.source`.
    mutating func add(_ file: SourceFile) -> Int {
        files.append(file)
        return files.count - 1
    }

    package subscript(index: Int) -> SourceFile? {
        files.indices.contains(index) ? files[index] : nil
    }
}
