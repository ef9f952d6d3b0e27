public import SyncCore

/// The merged data the supervision checks read, as plain values: the store fills it with set-based reads, a test
/// writes it by hand.
public struct SupervisionHistory: Hashable, Sendable {
    /// Batches with their receipt and every sale and disposal that counts (not voided, as corrected).
    public var batches: [BatchMovements]
    /// Every receipt carrying a certificate number that a batch of `batches` carries, from any node.
    public var certificateUses: [CertificateUse]
    /// Tests per node and business day with how many passed.
    public var testDays: [TestDay]
    /// How many events each node recorded per business day and hour.
    public var entryHours: [EntryHour]
    /// Per device and push: its clock at its newest entry against the server's when received.
    public var clockSamples: [ClockSample]
    /// The checks judge only what happened from here on (milliseconds); what lies before is history to compare
    /// with. `Int64.min` judges everything.
    public var judgedFrom: Int64
    /// The receipts (by batch code) the quantity check judges, or every receipt of a judged day when nil. A run
    /// after a push names the receipts it touched and those after them within their windows.
    public var judgedReceipts: Set<String>?
    private var givenReceipts: [BatchReceipt]?
    private var givenOperatorDays: [OperatorDayFlow]?

    /// - Parameters:
    ///   - receipts: what the quantity check compares; nil takes every batch's receipt of `batches`.
    ///   - operatorDays: what the operator-day balance adds up; nil sums `batches` per operator, unit and day.
    public init(batches: [BatchMovements] = [], certificateUses: [CertificateUse] = [], testDays: [TestDay] = [],
                entryHours: [EntryHour] = [], clockSamples: [ClockSample] = [], judgedFrom: Int64 = .min,
                receipts: [BatchReceipt]? = nil, judgedReceipts: Set<String>? = nil,
                operatorDays: [OperatorDayFlow]? = nil) {
        self.batches = batches
        self.certificateUses = certificateUses
        self.testDays = testDays
        self.entryHours = entryHours
        self.clockSamples = clockSamples
        self.judgedFrom = judgedFrom
        self.judgedReceipts = judgedReceipts
        givenReceipts = receipts
        givenOperatorDays = operatorDays
    }

    /// The receipts the quantity check compares: those given, else every batch's of `batches`.
    public var receipts: [BatchReceipt] { givenReceipts ?? batches.map(BatchReceipt.init) }

    /// What each operator received, sold and disposed of per unit and business day: those given, else summed
    /// from `batches` (receipts on the receipt's day, movements on theirs).
    public var operatorDays: [OperatorDayFlow] {
        if let givenOperatorDays { return givenOperatorDays }
        var flows: [[String]: OperatorDayFlow.Totals] = [:]
        for batch in batches {
            flows[[batch.node, batch.operatorId, batch.unit, BusinessTime.dayOf(batch.receivedAt)], default: .init()].received += batch.received
            for movement in batch.movements {
                let key = [batch.node, batch.operatorId, batch.unit, BusinessTime.dayOf(movement.time)]
                switch movement.kind {
                case .sale: flows[key, default: .init()].sold += movement.quantity
                case .disposal: flows[key, default: .init()].disposed += movement.quantity
                }
            }
        }
        return flows.map { OperatorDayFlow(node: $0.key[0], operatorId: $0.key[1], unit: $0.key[2], day: $0.key[3], $0.value) }
    }

    /// Whether a business day is to be judged.
    func judges(day: String) -> Bool {
        judgedFrom == .min || day >= BusinessTime.dayOf(judgedFrom)
    }
}

/// A batch's receipt as the quantity check compares it: who received how much of what, and when.
public struct BatchReceipt: Hashable, Sendable {
    /// The trace code's digits.
    public let code: String
    public let node: String
    public let operatorId: String
    public let product: String
    public let unit: String
    public let received: Quantity
    /// The receipt's business time.
    public let receivedAt: Int64

    public init(code: String, node: String, operatorId: String, product: String, unit: String, received: Quantity,
                receivedAt: Int64) {
        self.code = code
        self.node = node
        self.operatorId = operatorId
        self.product = product
        self.unit = unit
        self.received = received
        self.receivedAt = receivedAt
    }

    /// The receipt of `batch`.
    public init(_ batch: BatchMovements) {
        self.init(code: batch.code, node: batch.node, operatorId: batch.operatorId, product: batch.product,
                  unit: batch.unit, received: batch.received, receivedAt: batch.receivedAt)
    }
}

/// What one operator received, sold and disposed of in one unit on one business day, over all its batches.
public struct OperatorDayFlow: Hashable, Sendable {
    /// The three sums.
    public struct Totals: Hashable, Sendable {
        public var received: Quantity
        public var sold: Quantity
        public var disposed: Quantity

        public init(received: Quantity = .zero, sold: Quantity = .zero, disposed: Quantity = .zero) {
            self.received = received
            self.sold = sold
            self.disposed = disposed
        }
    }

    public let node: String
    public let operatorId: String
    public let unit: String
    /// `YYYY-MM-DD`, China Standard Time.
    public let day: String
    public let totals: Totals

    public init(node: String, operatorId: String, unit: String, day: String, _ totals: Totals) {
        self.node = node
        self.operatorId = operatorId
        self.unit = unit
        self.day = day
        self.totals = totals
    }
}

/// A batch's receipt and the sales and disposals that count, as the batch's events make them.
public struct BatchMovements: Hashable, Sendable {
    /// One sale or disposal.
    public struct Movement: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case sale, disposal }
        public let kind: Kind
        public let quantity: Quantity
        /// Business time.
        public let time: Int64

        public init(_ kind: Kind, _ quantity: Quantity, at time: Int64) {
            self.kind = kind
            self.quantity = quantity
            self.time = time
        }
    }

    /// The trace code's digits.
    public let code: String
    public let node: String
    public let operatorId: String
    public let product: String
    public let unit: String
    public let received: Quantity
    /// The receipt's business time.
    public let receivedAt: Int64
    /// Sales and disposals in time order.
    public let movements: [Movement]

    public init(code: String, node: String, operatorId: String, product: String, unit: String, received: Quantity,
                receivedAt: Int64, movements: [Movement]) {
        self.code = code
        self.node = node
        self.operatorId = operatorId
        self.product = product
        self.unit = unit
        self.received = received
        self.receivedAt = receivedAt
        self.movements = movements.sorted { $0.time < $1.time }
    }

    public var sold: Quantity { movements.filter { $0.kind == .sale }.reduce(.zero) { $0 + $1.quantity } }
    public var disposed: Quantity { movements.filter { $0.kind == .disposal }.reduce(.zero) { $0 + $1.quantity } }
}

/// A receipt that carries a quarantine certificate number.
public struct CertificateUse: Hashable, Sendable {
    public let certificate: String
    /// The batch's trace code digits.
    public let batch: String
    public let node: String
    public let operatorId: String
    public let quantity: Quantity
    public let unit: String
    /// The receipt's business time.
    public let time: Int64
    /// The batch its upstream code leads to, when that is one of ours.
    public let upstreamBatch: String?

    public init(certificate: String, batch: String, node: String, operatorId: String, quantity: Quantity, unit: String,
                time: Int64, upstreamBatch: String?) {
        self.certificate = certificate
        self.batch = batch
        self.node = node
        self.operatorId = operatorId
        self.quantity = quantity
        self.unit = unit
        self.time = time
        self.upstreamBatch = upstreamBatch
    }
}

/// A node's tests of one business day.
public struct TestDay: Hashable, Sendable {
    public let node: String
    /// `YYYY-MM-DD`, China Standard Time.
    public let day: String
    public let tests: Int
    public let passed: Int

    public init(node: String, day: String, tests: Int, passed: Int) {
        self.node = node
        self.day = day
        self.tests = tests
        self.passed = passed
    }
}

/// How many events a node recorded in one hour (0–23, China Standard Time) of one business day.
public struct EntryHour: Hashable, Sendable {
    public let node: String
    public let day: String
    public let hour: Int
    public let count: Int

    public init(node: String, day: String, hour: Int, count: Int) {
        self.node = node
        self.day = day
        self.hour = hour
        self.count = count
    }
}

/// A device's clock at one push: the device time of the push's newest entry and when the server received it.
public struct ClockSample: Hashable, Sendable {
    public let device: String
    public let node: String
    /// The device's wall time of its newest entry of the push, milliseconds.
    public let deviceTime: Int64
    /// The server's time when it received the push, milliseconds.
    public let receivedAt: Int64

    public init(device: String, node: String, deviceTime: Int64, receivedAt: Int64) {
        self.device = device
        self.node = node
        self.deviceTime = deviceTime
        self.receivedAt = receivedAt
    }

    /// Device time less server time: positive when the device runs ahead.
    public var skew: Int64 { deviceTime - receivedAt }
}
