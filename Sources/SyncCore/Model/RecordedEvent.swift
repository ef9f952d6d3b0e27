/// An event as a replica knows it: its id, clock, author and typed body.
public struct RecordedEvent: Hashable, Sendable {
    public let id: String
    public let hlc: HLCTimestamp
    public let author: String
    public let body: EventBody

    public init(id: String, hlc: HLCTimestamp, author: String, body: EventBody) {
        self.id = id
        self.hlc = hlc
        self.author = author
        self.body = body
    }
}
