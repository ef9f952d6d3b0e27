/// The regions and products tables, the same on a device and on the server, with how to write and read them.
package enum CatalogueTables {
    /// The tables' definitions, part of both stores' first migration.
    package static let schema = """
        CREATE TABLE regions (
            code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, parent TEXT, level TEXT NOT NULL
        );
        CREATE TABLE products (
            code TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, name_en TEXT NOT NULL,
            industry TEXT NOT NULL, category TEXT NOT NULL, unit TEXT NOT NULL
        );
        """

    /// Adds or replaces a region.
    package static func save(_ region: Region, in database: Database) throws {
        try database.run(
            "INSERT OR REPLACE INTO regions (code, name, name_en, parent, level) VALUES (?, ?, ?, ?, ?)",
            region.code, region.name, region.nameEn, region.parent, region.level
        )
    }

    /// Adds or replaces a product.
    package static func save(_ product: Product, in database: Database) throws {
        try database.run(
            "INSERT OR REPLACE INTO products (code, name, name_en, industry, category, unit) VALUES (?, ?, ?, ?, ?, ?)",
            product.code, product.name, product.nameEn, product.industry, product.category, product.unit
        )
    }

    /// The region a `regions` row holds.
    package static func region(_ row: Row) throws -> Region {
        Region(code: try row.text("code"), name: try row.text("name"), nameEn: try row.text("name_en"),
               parent: try row.optionalText("parent"), level: try row.text("level"))
    }

    /// The product a `products` row holds.
    package static func product(_ row: Row) throws -> Product {
        Product(code: try row.text("code"), name: try row.text("name"), nameEn: try row.text("name_en"),
                industry: try row.text("industry"), category: try row.text("category"), unit: try row.text("unit"))
    }
}
