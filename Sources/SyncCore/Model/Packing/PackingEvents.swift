/// What a container is: a case (装箱, items into a case) or a pallet (组托, cases onto a pallet).
public enum PackingLevel: String, Codable, Hashable, Sendable, CaseIterable {
    /// 箱: holds serialised items.
    case `case`
    /// 托: holds cases.
    case pallet

    /// The level's name, for people.
    public var label: LocalizedText {
        switch self {
        case .case: LocalizedText(zh: "箱", en: "case")
        case .pallet: LocalizedText(zh: "托盘", en: "pallet")
        }
    }
}

/// 装箱/组托: serialised items of a batch into a case, or cases of a batch onto a pallet (EPCIS AggregationEvent ADD,
/// bizStep `packing`). The container's code is made on the device like a trace code (`TraceCode.make`), so it is
/// unique province-wide without coordination and carries the same check digits.
///
/// A pallet with cases of several batches is one packing per batch, each naming the same pallet.
public struct Packing: Codable, Hashable, Sendable {
    /// The batch whose items (or cases) are packed.
    public var batchCode: TraceCode
    /// The case's or pallet's code.
    public var container: TraceCode
    public var level: PackingLevel
    /// For a case: item codes (a drug's 20-digit 药品追溯码) of the batch; for a pallet: case codes (24 digits).
    public var contents: [String]
    public var time: Int64

    package init(batchCode: TraceCode, container: TraceCode, level: PackingLevel, contents: [String], time: Int64) {
        self.batchCode = batchCode
        self.container = container
        self.level = level
        self.contents = contents
        self.time = time
    }
}

/// 拆箱/拆托: items taken out of a case, or cases off a pallet (EPCIS AggregationEvent DELETE, bizStep `unpacking`).
public struct Unpacking: Codable, Hashable, Sendable {
    public var batchCode: TraceCode
    public var container: TraceCode
    /// What is taken out, named as in the packing.
    public var contents: [String]
    public var time: Int64

    package init(batchCode: TraceCode, container: TraceCode, contents: [String], time: Int64) {
        self.batchCode = batchCode
        self.container = container
        self.contents = contents
        self.time = time
    }
}
