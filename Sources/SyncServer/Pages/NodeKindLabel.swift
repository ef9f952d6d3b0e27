import SyncCore
import CentralCore
import CentralSQLite

/// The kinds of node (DESIGN.md §1) as people call them.
enum NodeKindLabel {
    /// `批发市场 / wholesale market` for `wholesale_market`; an unknown kind as it is.
    static func label(_ kind: String) -> LocalizedText {
        switch kind {
        case "wholesale_market": LocalizedText(zh: "批发市场", en: "wholesale market")
        case "farmers_market": LocalizedText(zh: "农贸市场", en: "farmers' market")
        case "slaughterhouse": LocalizedText(zh: "屠宰场", en: "slaughterhouse")
        case "supermarket": LocalizedText(zh: "超市", en: "supermarket")
        case "canteen": LocalizedText(zh: "团体食堂", en: "canteen")
        case "farm": LocalizedText(zh: "种养殖基地", en: "farm")
        default: LocalizedText(zh: kind, en: kind)
        }
    }
}
