import Foundation
public import SyncCore

/// A pushed entry checked on its own, before the write transaction: whether it matches its hash, its payload
/// decoded (or the refusal it earns) and sealed for storage. Each is done once per entry.
package struct VerifiedEntry: Sendable {
    package let entry: JournalEntry
    /// True when the entry's content hashes to the hash it carries.
    package let hashHolds: Bool
    package let payload: DecodedPayload
    package let sealed: PersonalDataCipher.Sealed

    /// Checks, decodes and seals `entry`.
    package init(_ entry: JournalEntry, cipher: PersonalDataCipher) throws {
        self.entry = entry
        hashHolds = entry.expectedHash == entry.hash
        payload = DecodedPayload(entry)
        sealed = try cipher.seal(entry.payload)
    }

    /// Pushes up to this many entries are checked on the calling thread; larger ones in chunks on every core.
    static let parallelThreshold = 200

    /// Verifies `entries`, in order; a large push in parallel.
    package static func verify(_ entries: [JournalEntry], cipher: PersonalDataCipher) throws -> [VerifiedEntry] {
        guard entries.count > parallelThreshold else { return try entries.map { try VerifiedEntry($0, cipher: cipher) } }
        let chunk = 64
        let chunks = (entries.count + chunk - 1) / chunk
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let range = index * chunk..<min(entries.count, (index + 1) * chunk)
            results.set(index, Result { try entries[range].map { try VerifiedEntry($0, cipher: cipher) } })
        }
        return try results.values.flatMap { try $0!.get() }
    }
}

/// The slots concurrent chunks write their results into, each slot by one chunk only.
private final class ChunkResults: @unchecked Sendable {
    // Safe: `set` writes each slot from exactly one `concurrentPerform` iteration, through a pointer (no shared
    // Swift property is modified), and `values` is read only after `concurrentPerform` returned, which
    // happens-after every iteration.
    private let slots: UnsafeMutablePointer<Result<[VerifiedEntry], any Error>?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ result: Result<[VerifiedEntry], any Error>) {
        slots[index] = result
    }

    var values: [Result<[VerifiedEntry], any Error>?] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}
