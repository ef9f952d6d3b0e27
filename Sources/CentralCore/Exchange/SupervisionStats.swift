public import SyncCore

/// Counts for supervision, per node, business day and industry.
public struct SupervisionStats: Codable, Hashable, Sendable {
    /// One industry's batches at one node on one day.
    public struct Day: Codable, Hashable, Sendable {
        public let node: String
        public let day: String
        /// The industry of the batches' products, e.g. `edible_farm_product`, `drug`.
        public let industry: Industry
        public let receipts: Int
        /// Received quantity by product code and unit, e.g. `"200102 kg": "1250.5"`.
        public let receivedByProduct: [String: String]
        public let inspections: Int
        public let inspectionsPassed: Int
        /// Passed / all, 0 when there were none.
        public let passRate: Double
        public let sales: Int
        public let soldByProduct: [String: String]
    

        package init(node: String, day: String, industry: Industry, receipts: Int, receivedByProduct: [String: String], inspections: Int, inspectionsPassed: Int, passRate: Double, sales: Int, soldByProduct: [String: String]) {
            self.node = node
            self.day = day
            self.industry = industry
            self.receipts = receipts
            self.receivedByProduct = receivedByProduct
            self.inspections = inspections
            self.inspectionsPassed = inspectionsPassed
            self.passRate = passRate
            self.sales = sales
            self.soldByProduct = soldByProduct
        }
}

    /// A device that has not synced for more than a day.
    public struct QuietDevice: Codable, Hashable, Sendable {
        public let id: String
        public let node: String
        public let name: String
        public let lastSeenAt: Int64?
    

        package init(id: String, node: String, name: String, lastSeenAt: Int64?) {
            self.id = id
            self.node = node
            self.name = name
            self.lastSeenAt = lastSeenAt
        }
}

    public let days: [Day]
    /// Open conflicts per node.
    public let openConflicts: [String: Int]
    public let quietDevices: [QuietDevice]

    package init(days: [Day], openConflicts: [String: Int], quietDevices: [QuietDevice]) {
        self.days = days
        self.openConflicts = openConflicts
        self.quietDevices = quietDevices
    }
}
