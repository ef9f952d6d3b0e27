public import CentralCore
public import SyncCore

extension CentralStore {
    /// Full region names (海口市美兰区) from the regions table.
    public func regionNames() throws -> RegionNames {
        RegionNames(try database.query("SELECT * FROM regions").map(CatalogueTables.region))
    }
}
