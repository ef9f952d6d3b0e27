import Foundation

/// The master data shipped with the package (`Fixtures/master`): Hainan's regions and the products of its markets.
public enum BundledMasterData {
    /// GB/T 2260 regions: Hainan province, its cities, counties and districts, and the other provinces.
    public static func regions() throws -> [Region] { try load("regions") }

    /// Products commonly traded at Hainan wholesale markets, then the other industries' catalogues
    /// (`MasterData/catalogue/<industry>.json`, from `Fixtures/industries/<industry>/products.json`), by code.
    public static func products() throws -> [Product] {
        let folder = Bundle.module.url(forResource: "catalogue", withExtension: nil, subdirectory: "MasterData")
        let files = (folder.flatMap { try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) } ?? [])
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var products: [Product] = try load("products")
        for file in files { products += try JSONDecoder().decode([Product].self, from: Data(contentsOf: file)) }
        return products
    }

    private static func load<T: Decodable>(_ name: String) throws -> [T] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "MasterData") else {
            throw TraceSyncError(
                .masterDataMissing,
                zh: "找不到内置主数据 \(name).json，安装包不完整，请重新安装。",
                en: "bundled master data \(name).json is missing; the installation is incomplete, reinstall it."
            )
        }
        return try JSONDecoder().decode([T].self, from: Data(contentsOf: url))
    }
}
