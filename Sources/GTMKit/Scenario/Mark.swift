/// A place in a source: which file, and a 1-based line and column.
///
/// Columns count Unicode scalars, so a Chinese character is one column,
/// as editors show it.
public struct Mark: Sendable, Hashable, Comparable {
    /// Index into the `SourceTable` the mark was made for.
    public var source: Int
    public var line: Int
    public var column: Int

    public init(source: Int = 0, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.source, a.line, a.column) < (b.source, b.line, b.column)
    }
}

/// One text the scenario was read from: a file, an included file, or a `--set` argument.
public struct SourceFile: Sendable {
    /// The name printed in diagnostics: the path as the user wrote it, or `--set`.
    public var name: String
    /// The raw bytes, as read.
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The text of a 1-based line, without its line break; empty when out of range.
    /// Invalid UTF-8 is repaired so that a diagnostic can always be printed.
    public func line(_ number: Int) -> String {
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
public struct SourceTable: Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Adds a source and returns its index for `Mark.source`.
    public mutating func add(_ file: SourceFile) -> Int {
        files.append(file)
        return files.count - 1
    }

    public subscript(index: Int) -> SourceFile? {
        files.indices.contains(index) ? files[index] : nil
    }
}
