import SyncCore
import CentralCore

extension TracePage {
    /// The selling operator's credit grade, shown only where the province switched the public grade on: the grade
    /// and what it means, never the score or its inputs.
    static func creditCard(_ grade: CreditGrade) -> String {
        "<div class=\"card\">" + HTMLPage.bilingual(
            "经营户信用等级：\(grade.label.zh)", "Seller's credit grade: \(grade.label.en)"
        ) + HTMLPage.bilingual(
            "由市场监管部门按该经营户近一年的合规记录评定（A 最好，D 最差）。",
            "Rated by the market regulator from the seller's compliance record over the last year (A best, D worst)."
        ) + "</div>"
    }
}
