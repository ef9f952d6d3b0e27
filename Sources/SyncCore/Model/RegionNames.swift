/// The names people write for GB/T 2260 regions: a district with its city (海口市美兰区 / Meilan District, Haikou
/// City), a county or city directly under a province with that province (海南省澄迈县 / Chengmai County, Hainan
/// Province), so a shopper far from the market can place it.
public struct RegionNames: Sendable {
    private let regions: [String: Region]

    /// Names from these regions (the regions table, or `BundledMasterData.regions()`).
    public init(_ regions: [Region]) {
        self.regions = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The full name of region `code`, Chinese root first, English leaf first; an unknown code as it is.
    public func name(_ code: String) -> LocalizedText {
        guard let region = regions[code] else { return LocalizedText(zh: code, en: code) }
        var chain = [region]
        while let parent = chain.last?.parent.flatMap({ regions[$0] }), chain.count < 4 {
            // A province is named only when nothing between it and the region would place it.
            if parent.level == "province" && chain.count > 1 { break }
            chain.append(parent)
        }
        return LocalizedText(zh: chain.reversed().map(\.name).joined(),
                             en: chain.map(\.nameEn).joined(separator: ", "))
    }
}
