public import SyncCore

/// A shopper's complaint about goods bought with a trace code, as its node's admins see it: the code, the batch and
/// node that sold the goods, what the shopper reported, the public trace as it stood when they filed, and the node's
/// answer.
public struct Complaint: Codable, Hashable, Sendable {
    public let id: Int64
    /// The number the shopper was given (`TS-` and 10 base32 characters), which opens their status page.
    public let receipt: String
    /// The trace code the shopper filed from.
    public let code: String
    /// The batch that code leads to and the node that sold it, whose queue the complaint is in.
    public let batchCode: String
    public let node: String
    /// The operator the batch was received for, if recorded: the complaint counts toward their record.
    public let operatorId: String?
    public let category: ComplaintCategory
    /// What the shopper wrote, plain text.
    public let text: String
    /// The shopper's phone number, if they left one; masked (`138****5678`) everywhere but the store.
    public let phone: String?
    public let status: ComplaintStatus
    /// The node's reply, shown to the shopper on their status page.
    public let reply: String?
    /// Whether the node found the complaint justified; set when it answers.
    public let upheld: Bool?
    public let filedAt: Int64
    /// When an admin last changed it, and who.
    public let updatedAt: Int64?
    public let updatedBy: String?
    /// The code's public trace when the complaint was filed.
    public let trace: PublicTrace

    package init(id: Int64, receipt: String, code: String, batchCode: String, node: String, operatorId: String?, category: ComplaintCategory, text: String, phone: String?, status: ComplaintStatus, reply: String?, upheld: Bool?, filedAt: Int64, updatedAt: Int64?, updatedBy: String?, trace: PublicTrace) {
        self.id = id
        self.receipt = receipt
        self.code = code
        self.batchCode = batchCode
        self.node = node
        self.operatorId = operatorId
        self.category = category
        self.text = text
        self.phone = phone
        self.status = status
        self.reply = reply
        self.upheld = upheld
        self.filedAt = filedAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.trace = trace
    }

    /// The complaint with its phone number masked, as every listing shows it.
    public var masked: Complaint {
        Complaint(id: id, receipt: receipt, code: code, batchCode: batchCode, node: node, operatorId: operatorId,
                  category: category, text: text, phone: phone.map(Masking.maskPhone), status: status, reply: reply,
                  upheld: upheld, filedAt: filedAt, updatedAt: updatedAt, updatedBy: updatedBy, trace: trace)
    }

    /// What the shopper's status page shows: never the phone number, the admin's name or anyone else's data.
    public var forShopper: ShopperView {
        ShopperView(receipt: receipt, code: code, category: category, text: text, status: status,
                    reply: status == .answered ? reply : nil, filedAt: filedAt,
                    answeredAt: status == .answered ? updatedAt : nil)
    }

    /// A complaint as the shopper who filed it sees it.
    public struct ShopperView: Hashable, Sendable {
        public let receipt: String
        public let code: String
        public let category: ComplaintCategory
        public let text: String
        public let status: ComplaintStatus
        public let reply: String?
        public let filedAt: Int64
        public let answeredAt: Int64?
    }
}
