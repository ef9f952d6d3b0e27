/// Reading entries back from a `journal` table.
extension JournalEntry {
    /// The entry a stored row holds, keeping the stored hash so a check can compare it with the content; nil when
    /// the row cannot be read at all (a clock value, kind or payload that is not well-formed).
    package init?(_ row: Row) {
        guard let seq = row.int("seq"), let deviceId = row.string("device_id"),
              let hlc = row.string("hlc").flatMap(HLCTimestamp.init), let wallTime = row.int("wall_time"),
              let author = row.string("author"), let kind = row.string("kind").flatMap(EventKind.init),
              let payloadText = row.string("payload"), let payload = try? JSONValue.parse(payloadText),
              let prev = row.string("prev"), let hash = row.string("hash") else { return nil }
        // Stored payloads are canonical; one that is not was edited, so it is kept as text and cannot match its hash.
        let stored = payload.canonicalString == payloadText ? payload : .string(payloadText)
        self.init(deviceId: deviceId, seq: seq, hlc: hlc, wallTime: wallTime, author: author, kind: kind,
                  payload: stored, prev: prev, hash: hash)
    }
}
