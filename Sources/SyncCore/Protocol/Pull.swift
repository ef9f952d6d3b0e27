/// One item of the server log in a device's scope.
public enum PullItem: Hashable, Sendable {
    /// A journal entry from a device of the node, with the server's verdict.
    case entry(JournalEntry, EntryVerdict)
    /// A product of the catalogue, new or changed.
    case product(Product)
    /// A region, new or changed.
    case region(Region)
    /// An operator of the node, new or changed.
    case `operator`(Operator)
    /// A conflict of the node, opened, grown or resolved.
    case conflict(ConflictRecord)
}

/// `GET /v1/sync/pull?cursor=&limit=`: a page of the server log in the device's scope.
public struct PullPage: Codable, Hashable, Sendable {
    public struct Item: Codable, Hashable, Sendable {
        /// The item's position in the server log; pass the last one as the next cursor.
        public let cursor: Int64
        public let kind: String
        public let entry: JournalEntry?
        public let verdict: EntryVerdict?
        public let product: Product?
        public let region: Region?
        public let `operator`: Operator?
        public let conflict: ConflictRecord?

        public init(cursor: Int64, item: PullItem) {
            self.cursor = cursor
            var entry: JournalEntry?, verdict: EntryVerdict?, product: Product?, region: Region?, op: Operator?
            var conflict: ConflictRecord?
            switch item {
            case .entry(let value, let judged): kind = "entry"; entry = value; verdict = judged
            case .product(let value): kind = "product"; product = value
            case .region(let value): kind = "region"; region = value
            case .operator(let value): kind = "operator"; op = value
            case .conflict(let value): kind = "conflict"; conflict = value
            }
            self.entry = entry
            self.verdict = verdict
            self.product = product
            self.region = region
            self.operator = op
            self.conflict = conflict
        }

        /// The typed item; nil for a kind this version does not know (a newer server), which is skipped.
        public var item: PullItem? {
            switch kind {
            case "entry": entry.flatMap { entry in verdict.map { .entry(entry, $0) } }
            case "product": product.map { .product($0) }
            case "region": region.map { .region($0) }
            case "operator": self.operator.map { .operator($0) }
            case "conflict": conflict.map { .conflict($0) }
            default: nil
            }
        }
    }

    public let items: [Item]
    /// The cursor to ask from next: the last item's, or the request's when the page is empty.
    public let nextCursor: Int64
    /// True when more items wait beyond this page.
    public let more: Bool
    /// The server store's generation: when it is not the one the device last saw, the store was restored from a
    /// backup and its cursors mean other items, so the device pulls again from 0. Nil from an older server.
    public let generation: String?

    public init(items: [Item], nextCursor: Int64, more: Bool, generation: String? = nil) {
        self.items = items
        self.nextCursor = nextCursor
        self.more = more
        self.generation = generation
    }
}
