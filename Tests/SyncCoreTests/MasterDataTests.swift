import Foundation
import Testing
@testable import SyncCore
import TestSupport

@Suite("Bundled master data")
struct MasterDataTests {
    /// Hainan's prefecture-level cities and province-administered county-level units (GB/T 2260).
    static let hainanUnits = [
        "460100": "海口市", "460200": "三亚市", "460300": "三沙市", "460400": "儋州市",
        "469001": "五指山市", "469002": "琼海市", "469005": "文昌市", "469006": "万宁市", "469007": "东方市",
        "469021": "定安县", "469022": "屯昌县", "469023": "澄迈县", "469024": "临高县", "469025": "白沙黎族自治县",
        "469026": "昌江黎族自治县", "469027": "乐东黎族自治县", "469028": "陵水黎族自治县",
        "469029": "保亭黎族苗族自治县", "469030": "琼中黎族苗族自治县",
    ]
    static let haikouDistricts = ["460105": "秀英区", "460106": "龙华区", "460107": "琼山区", "460108": "美兰区"]
    static let sanyaDistricts = ["460202": "海棠区", "460203": "吉阳区", "460204": "天涯区", "460205": "崖州区"]

    @Test func hainanAndItsCitiesCountiesAndDistrictsAreBundled() throws {
        let regions = Dictionary(uniqueKeysWithValues: try BundledMasterData.regions().map { ($0.code, $0) })
        let hainan = try #require(regions["460000"])
        #expect(hainan.name == "海南省")
        #expect(hainan.parent == nil)
        #expect(hainan.level == "province")

        let units = regions.values.filter { $0.parent == "460000" }
        #expect(units.count == 19)
        #expect(Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.name) }) == Self.hainanUnits)
        for (parent, districts) in [("460100", Self.haikouDistricts), ("460200", Self.sanyaDistricts)] {
            let children = regions.values.filter { $0.parent == parent }
            #expect(Dictionary(uniqueKeysWithValues: children.map { ($0.code, $0.name) }) == districts)
            #expect(children.allSatisfy { $0.level == "district" })
        }
    }

    @Test func everyProvinceOfTheMainlandIsAnOrigin() throws {
        let provinces = try BundledMasterData.regions().filter { $0.level == "province" }
        #expect(provinces.count == 31)
        #expect(provinces.allSatisfy { $0.code.hasSuffix("0000") && $0.parent == nil })
    }

    @Test func regionCodesAreUniqueAndEveryParentExists() throws {
        let regions = try BundledMasterData.regions()
        let codes = Set(regions.map(\.code))
        #expect(codes.count == regions.count)
        #expect(regions.allSatisfy { $0.code.count == 6 && $0.code.allSatisfy(\.isASCIIDigit) })
        #expect(regions.compactMap(\.parent).allSatisfy(codes.contains))
    }

    @Test func productCodesAndNamesAreUnique() throws {
        let products = try BundledMasterData.products()
        #expect(products.filter { $0.industry == "edible_farm_product" }.count == 78)
        #expect(Set(products.map(\.code)).count == products.count)
        #expect(Set(products.map(\.name)).count == products.count)
        // The device also looks products up by English name, ignoring case.
        #expect(Set(products.map { $0.nameEn.lowercased() }).count == products.count)
        // No name can be mistaken for another product's code.
        #expect(Set(products.map(\.name)).isDisjoint(with: products.map(\.code)))
    }

    @Test func productCodesFollowTheirGroupsAndUnitsAreKnown() throws {
        let groups = ["10", "11", "12", "20", "21", "22", "23", "30", "31"]
        for product in try BundledMasterData.products() where product.industry == "edible_farm_product" {
            #expect(product.code.count == 6 && product.code.allSatisfy(\.isASCIIDigit), "\(product.code)")
            #expect(groups.contains(String(product.code.prefix(2))), "\(product.code)")
            #expect(FieldStore.units.contains(product.unit), "\(product.code)")
        }
    }

    @Test func theDeviceFindsProductsAndRegionsByCodeOrName() throws {
        try withFieldStore { (store: FieldStore) throws in
            #expect(try store.product("100101").name == "猪肉（白条）")
            #expect(try store.product("猪肉（白条）").code == "100101")
            #expect(try store.product(" pork CARCASS ").code == "100101")
            #expect(try store.region("澄迈县").code == "469023")
            #expect(try store.region("469023").nameEn == "Chengmai County")
            #expect(try store.products(matching: "鱼").map(\.code) == ["120101", "120102", "120103", "120401"])
        }
    }

    struct DemoNode: Decodable { let code: String }

    @Test func aDeviceCanBeInitialisedAtEveryDemoNode() throws {
        let nodes = try JSONDecoder().decode([DemoNode].self, from: Data(fixtureText("demo/nodes.json").utf8))
        #expect(nodes.count == 4)
        for node in nodes {
            try withFieldStore(node: node.code, deviceNumber: 1) { (store: FieldStore) throws in
                #expect(store.identity.node == node.code)
                #expect(try store.region("469023").name == "澄迈县")
            }
        }
    }

    @Test(arguments: [("99990001", 1, "bad_node"), ("4601001", 1, "bad_node"), ("4601000A", 1, "bad_node"),
                      ("46010001", 0, "bad_device_number"), ("46010001", 1_000, "bad_device_number")])
    func aDeviceWithABadNodeOrNumberIsRefused(node: String, deviceNumber: Int, code: String) throws {
        try withTemporaryDirectory { directory in
            let error = #expect(throws: TraceSyncError.self) {
                try FieldStore.initialize(path: directory.appendingPathComponent("d.sqlite").path, node: node,
                                          deviceNumber: deviceNumber, inspector: "符永清")
            }
            #expect(error?.code.rawValue == code)
        }
    }
}
