internal import Crypto
public import Foundation
public import SyncCore

/// Reading a database file page by page.
package enum PageHashes {
    /// Calls `body` with each page of the file at `url`, page 1 first; the file must be a whole number of pages.
    package static func forEachPage(of url: URL, pageSize: Int, _ body: (_ number: Int, _ page: Data) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var number = 1
        while let page = try handle.read(upToCount: pageSize), !page.isEmpty {
            try body(number, page)
            number += 1
        }
    }

    /// The SHA-256 of every page of the file at `url`.
    package static func of(_ url: URL, pageSize: Int) throws -> [String] {
        var hashes: [String] = []
        try forEachPage(of: url, pageSize: pageSize) { _, page in hashes.append(SHA256Hex.of(page)) }
        return hashes
    }
}

/// A SHA-256 computed over bytes fed in pieces.
package struct StreamingSHA256 {
    private var hasher = SHA256()

    package init() {}

    package mutating func update(_ data: Data) { hasher.update(data: data) }

    /// The digest as lowercase hex.
    package func finalize() -> String { SHA256Hex.of(Array(hasher.finalize())) }
}
