/// Everything the merge rules know of the store, for one push: read in a few set-based queries before the push is
/// decided (`MergeNeeds` says what to read), then kept up to date in memory as each entry is decided
/// (`take(_:)`), so that a later entry of the push sees the earlier ones. The rules never see a database.
///
/// Complete for what the push names: a product, region, operator, trace code, certificate or batch the push
/// refers to and that the store holds is here; what is missing is unknown to the store.
public struct MergeInputs: Hashable, Sendable {
    /// An operator as the rules see it.
    public struct OperatorFacts: Hashable, Sendable {
        public let node: String
        public let creditCode: String?
        /// The event that registered it; nil when an admin added it.
        public let eventId: String?
        /// The operator it is an alias of, when it is one.
        public let canonicalId: String?
        /// The licences on record for it, from every registration of it.
        public var licences: [Licence]

        public init(node: String, creditCode: String?, eventId: String?, canonicalId: String?, licences: [Licence] = []) {
            self.node = node
            self.creditCode = creditCode
            self.eventId = eventId
            self.canonicalId = canonicalId
            self.licences = licences
        }
    }

    /// What the licence rules need of a product: its industry and whether it is restricted.
    public struct ProductFacts: Hashable, Sendable {
        public let industry: Industry
        public let restricted: Bool

        public init(industry: Industry, restricted: Bool) {
            self.industry = industry
            self.restricted = restricted
        }
    }

    /// A node's credit code.
    public struct CreditKey: Hashable, Sendable {
        public let node: String
        public let creditCode: String

        public init(node: String, creditCode: String) {
            self.node = node
            self.creditCode = creditCode
        }
    }

    /// A receipt that carries a quarantine certificate.
    public struct CertificateHolder: Hashable, Sendable {
        public let eventId: String
        public let operatorId: String

        public init(eventId: String, operatorId: String) {
            self.eventId = eventId
            self.operatorId = operatorId
        }
    }

    public var products: Set<String>
    /// The industry and restriction of the products named and of the batches' products.
    public var productFacts: [String: ProductFacts] = [:]
    public var regions: Set<String>
    /// Operators by id, canonical or alias.
    public var operators: [String: OperatorFacts]
    /// The canonical operators of each credit code, in the order they were stored.
    public var creditHolders: [CreditKey: [String]]
    /// Known batches (their receipt merged) as their merged events make them.
    public var batches: [TraceCode: BatchState]
    /// The merged events of batches whose receipt has not arrived (orphans, held), by batch.
    public var heldEvents: [TraceCode: [RecordedEvent]]
    /// Trace codes taken by a batch or a sale.
    public var takenCodes: Set<TraceCode>
    /// The receipts of each quarantine certificate.
    public var certificates: [String: [CertificateHolder]]
    /// The open conflicts.
    public var conflicts: ConflictBook
    /// The merged life events of the special-equipment units the push names, by 特种设备代码.
    public var equipment: [String: [RecordedEvent]] = [:]

    public init(
        products: Set<String> = [], regions: Set<String> = [], operators: [String: OperatorFacts] = [:],
        creditHolders: [CreditKey: [String]] = [:], batches: [TraceCode: BatchState] = [:],
        heldEvents: [TraceCode: [RecordedEvent]] = [:], takenCodes: Set<TraceCode> = [],
        certificates: [String: [CertificateHolder]] = [:], conflicts: ConflictBook = ConflictBook()
    ) {
        self.products = products
        self.regions = regions
        self.operators = operators
        self.creditHolders = creditHolders
        self.batches = batches
        self.heldEvents = heldEvents
        self.takenCodes = takenCodes
        self.certificates = certificates
        self.conflicts = conflicts
    }

    /// The first canonical operator registered at `node` with this credit code, and the event that registered it.
    func operatorWithCreditCode(_ creditCode: String, node: String) -> (id: String, eventId: String?)? {
        guard let id = creditHolders[CreditKey(node: node, creditCode: creditCode)]?.first else { return nil }
        return (id, operators[id]?.eventId)
    }
}
