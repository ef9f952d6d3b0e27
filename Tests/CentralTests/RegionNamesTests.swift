import SyncCore
@testable import CentralCore
@testable import CentralSQLite
import Testing

/// Region names as a shopper reads them: a district with its city, a county or city with its province.
@Suite struct RegionNamesTests {
    @Test(arguments: [
        ("460108", "海口市美兰区", "Meilan District, Haikou City"),
        ("469023", "海南省澄迈县", "Chengmai County, Hainan Province"),
        ("460100", "海南省海口市", "Haikou City, Hainan Province"),
        ("460000", "海南省", "Hainan Province"),
        ("999999", "999999", "999999"),
    ])
    func aRegionIsNamedWithWhatPlacesIt(code: String, zh: String, en: String) throws {
        let names = RegionNames(try BundledMasterData.regions())
        #expect(names.name(code) == LocalizedText(zh: zh, en: en))
    }

    @Test func theCentralStoreNamesRegionsFromItsTable() throws {
        let store = try CentralStore(path: ":memory:")
        #expect(try store.regionNames().name("460106").zh == "海口市龙华区")
    }
}
