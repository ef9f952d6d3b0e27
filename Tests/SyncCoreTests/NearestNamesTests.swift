import SyncCore
import Testing

/// The names a refused lookup suggests.
@Suite struct NearestNamesTests {
    static let products = ["菜心", "五花肉", "猪里脊", "牛腩", "上海青"]

    @Test(arguments: [
        ("五花内", ["五花肉"]), ("澄迈", ["澄迈县"]), ("recieve", ["receive"]),
        ("海口龙华区新记蔬菜批发部(个体)", ["海口龙华区新记蔬菜批发部（个体）"]), ("新记", ["海口龙华区新记蔬菜批发部（个体）"]),
        ("RECEIVE", ["receive"]),
    ])
    func aSlipOfTheHandSuggestsTheNameMeant(_ typed: String, _ expected: [String]) {
        let candidates = Self.products + ["澄迈县", "定安县", "海口龙华区新记蔬菜批发部（个体）", "receive", "recall", "void"]
        #expect(NearestNames.suggestions(for: typed, among: candidates) == expected)
    }

    @Test func somethingFarFromEveryNameSuggestsNothing() {
        #expect(NearestNames.suggestions(for: "紫背天葵", among: Self.products).isEmpty)
        #expect(NearestNames.clause(for: "紫背天葵", among: Self.products) == LocalizedText(zh: "", en: ""))
    }

    @Test func theClauseNamesTheSuggestionsInBothLanguages() {
        let clause = NearestNames.clause(for: "五花内", among: Self.products)
        #expect(clause.zh == "是否想输入「五花肉」？")
        #expect(clause.en == " Did you mean \"五花肉\"?")
    }

    @Test func swappedNeighboursCountOneEdit() {
        #expect(NearestNames.suggestions(for: "sotck", among: ["stock", "status"]) == ["stock"])
    }
}
