public import SyncCore

/// One thing in an operator's compliance record that costs credit, with the points each occurrence costs.
///
/// The weights are here and nowhere else (the README's "Operator credit" table repeats them):
///
/// | factor | points each | counted in the window |
/// |---|---|---|
/// | `held_traded` | 20 | a `held_traded` conflict on one of the operator's batches (sold while under a food-safety hold), by when it was opened |
/// | `failed_tests` | 10 | a test of one of the operator's batches that failed and still counts (not voided), by its business time |
/// | `complaints_upheld` | 10 | a consumer complaint against the operator that an admin upheld, by when it was filed |
/// | `oversold` | 5 | an `oversold` conflict on one of the operator's batches (more out than in), by when it was opened |
/// | `missing_certificates` | 5 | a receipt of livestock or poultry meat (`CreditFactor.certifiedCategories`) without a quarantine certificate, by its business time |
/// | `findings_confirmed` | 5 | a supervision finding counted against the operator that an admin followed up or opened as a conflict (not dismissed, not still open), by its day; one opened as a conflict already counted above is not counted again |
public enum CreditFactor: String, Codable, Hashable, Sendable, CaseIterable {
    case heldTraded = "held_traded"
    case failedTests = "failed_tests"
    case complaintsUpheld = "complaints_upheld"
    case oversold
    case missingCertificates = "missing_certificates"
    case findingsConfirmed = "findings_confirmed"

    /// The points one occurrence costs: the formula's weight.
    public var pointsEach: Int {
        switch self {
        case .heldTraded: 20
        case .failedTests: 10
        case .complaintsUpheld: 10
        case .oversold: 5
        case .missingCertificates: 5
        case .findingsConfirmed: 5
        }
    }

    /// The name shown to admins.
    public var label: LocalizedText {
        switch self {
        case .heldTraded: LocalizedText(zh: "扣留后交易", en: "sold while held")
        case .failedTests: LocalizedText(zh: "检测不合格", en: "failed tests")
        case .complaintsUpheld: LocalizedText(zh: "投诉属实", en: "complaints upheld")
        case .oversold: LocalizedText(zh: "超卖", en: "oversold")
        case .missingCertificates: LocalizedText(zh: "缺检疫证明", en: "missing certificates")
        case .findingsConfirmed: LocalizedText(zh: "核查发现属实", en: "findings confirmed")
        }
    }

    /// Product categories (`Product.category`) whose receipts must carry an animal quarantine certificate
    /// (动物检疫合格证明, 《动物防疫法》): livestock and poultry meat. A receipt of another product without one costs
    /// nothing.
    public static let certifiedCategories: Set<String> = ["pork", "beef", "mutton", "poultry"]
}
