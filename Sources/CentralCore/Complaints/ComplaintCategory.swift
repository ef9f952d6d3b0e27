public import SyncCore

/// What a shopper reports about goods bought with a trace code: a fixed list, so that complaints can be counted by
/// kind (and an operator's credit can weigh them) without reading free text.
public enum ComplaintCategory: String, Codable, CaseIterable, Hashable, Sendable {
    case spoiled
    case shortWeight = "short_weight"
    case mislabelled
    case counterfeit
    case other

    /// How the form and the console name it, Chinese first.
    public var label: LocalizedText {
        switch self {
        case .spoiled: LocalizedText(zh: "变质/异味", en: "spoiled or smells off")
        case .shortWeight: LocalizedText(zh: "数量不足", en: "short weight or quantity")
        case .mislabelled: LocalizedText(zh: "标签不符", en: "label does not match the goods")
        case .counterfeit: LocalizedText(zh: "疑似假冒", en: "suspected fake")
        case .other: LocalizedText(zh: "其他", en: "other")
        }
    }
}
