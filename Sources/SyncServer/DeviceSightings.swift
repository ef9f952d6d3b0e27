import Foundation

/// When devices pulled, kept until the writer records them: a pull is served by a reader, which cannot write, so
/// the writer records the sightings of many pulls at once (`devices.last_seen_at`), after the pulls answered.
final class DeviceSightings: @unchecked Sendable {
    // @unchecked Sendable: `seen` is only read or written with `lock` held.
    private let lock = NSLock()
    private var seen: [String: Int64] = [:]

    /// Keeps that device `id` was seen at `time`; true when nothing was waiting yet, so the caller has the writer
    /// record it (later sightings join that record until it drains them).
    func add(_ id: String, at time: Int64) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let first = seen.isEmpty
        seen[id] = max(seen[id] ?? time, time)
        return first
    }

    /// The sightings waiting, which are then no longer kept.
    func drain() -> [String: Int64] {
        lock.lock()
        defer { lock.unlock() }
        let drained = seen
        seen = [:]
        return drained
    }
}
