import CentralCore
package import SyncCore

/// Master data on PostgreSQL: the bundled regions and products, nodes and operators, each logged for the devices
/// that pull it.
extension PostgresCentralStore {
    /// Adds a node.
    /// - Throws: `TraceSyncError` `unknown_region` for a region the store does not know, `duplicate_node`.
    package func addNode(_ node: Node) throws {
        guard try session.row("SELECT code FROM regions WHERE code = $1", .text(node.region)) != nil else {
            throw TraceSyncError(.unknownRegion, field: "region",
                                 zh: "未知行政区划代码「\(node.region)」。", en: "unknown region code \"\(node.region)\".")
        }
        let added = try session.query(
            """
            INSERT INTO nodes (code, name, name_en, kind, region, phone, address) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (code) DO NOTHING RETURNING code
            """,
            .text(node.code), .text(node.name), .text(node.nameEn), .text(node.kind), .text(node.region),
            .text(node.phone), .text(node.address)
        )
        guard !added.isEmpty else {
            throw TraceSyncError(.duplicateNode, field: "code", zh: "节点 \(node.code) 已存在。", en: "node \(node.code) already exists.")
        }
    }

    /// Adds or updates an operator of a node and logs it for that node's devices, in one write.
    package func upsert(_ registered: Operator) throws {
        try write { transaction in
            guard let transaction = transaction as? PostgresPushTransaction else { return }
            try transaction.lock(["node:" + registered.node])
            try saveOperator(registered, aliasOf: nil, eventId: nil)
            try transaction.log(kind: "operator", node: registered.node, body: try JSONValue(encoding: registered))
        }
    }

    /// Adds or updates a region and logs it for every device, in one write.
    package func upsert(_ region: Region) throws {
        try write { transaction in
            guard let transaction = transaction as? PostgresPushTransaction else { return }
            try transaction.lock(["catalogue"])
            try session.query(
                """
                INSERT INTO regions (code, name, name_en, parent, level) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,
                    parent = excluded.parent, level = excluded.level
                """,
                .text(region.code), .text(region.name), .text(region.nameEn), .text(region.parent), .text(region.level)
            )
            try transaction.log(kind: "region", node: nil, body: try JSONValue(encoding: region))
        }
    }

    /// Writes an operator's row (replacing the one of its id) and puts its licences on record.
    func saveOperator(_ registered: Operator, aliasOf: String?, eventId: String?) throws {
        let record = try personalDataCipher.seal(JSONValue(encoding: registered))
        try session.query(
            """
            INSERT INTO operators (id, node, name, credit_code, record, sealed, canonical_id, event_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (id) DO UPDATE SET node = excluded.node, name = excluded.name, credit_code = excluded.credit_code,
                record = excluded.record, sealed = excluded.sealed, canonical_id = excluded.canonical_id,
                event_id = excluded.event_id
            """,
            .text(registered.id), .text(registered.node), .text(registered.name), .text(registered.creditCode),
            .text(record.text), .text(record.envelope), .text(aliasOf), .text(eventId)
        )
        for licence in registered.licences ?? [] {
            try session.query(
                """
                INSERT INTO operator_licences (operator_id, kind, number, valid_from, valid_until, event_id)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (operator_id, kind, number) DO UPDATE SET
                    valid_from = least(operator_licences.valid_from, excluded.valid_from),
                    valid_until = greatest(operator_licences.valid_until, excluded.valid_until)
                """,
                .text(registered.id), .text(licence.kind.rawValue), .text(licence.number), .text(licence.validFrom),
                .text(licence.validUntil), .text(eventId)
            )
        }
    }
}

extension PostgresPushTransaction {
    /// Writes the bundled regions and products that the database lacks or holds otherwise than bundled, each logged
    /// for every device: all of them on a new database, and at the first start after an upgrade those the release
    /// added or changed (a database created before the industries' catalogues gains their products). Run at every
    /// start under the migration lock; reference data whose only source is the bundle, so a start that finds them
    /// as bundled writes nothing.
    func seedMasterData() throws {
        func key(_ region: Region) -> [String?] { [region.code, region.name, region.nameEn, region.parent, region.level] }
        func key(_ product: Product) -> [String?] {
            [product.code, product.name, product.nameEn, product.industry, product.category, product.unit,
             product.isRestricted ? "restricted" : nil]
        }
        let storedRegions = Set(try session.query("SELECT code, name, name_en, parent, level FROM regions").map { row in
            [try row.text("code"), try row.text("name"), try row.text("name_en"), row.string("parent"), try row.text("level")]
        })
        let storedProducts = Set(try session.query(
            "SELECT code, name, name_en, industry, category, unit, restricted FROM products"
        ).map { row in
            [try row.text("code"), try row.text("name"), try row.text("name_en"), try row.text("industry"),
             try row.text("category"), try row.text("unit"), row.bool("restricted") == true ? "restricted" : nil]
        })
        let regions = try BundledMasterData.regions().filter { !storedRegions.contains(key($0)) }
        let products = try BundledMasterData.products().filter { !storedProducts.contains(key($0)) }
        guard !regions.isEmpty || !products.isEmpty else { return }
        var regionRows = UnnestInsert("INSERT INTO regions (code, name, name_en, parent, level)",
                                      [.text, .text, .text, .nullableText, .text], tail: """
                                          ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,
                                              parent = excluded.parent, level = excluded.level
                                          """)
        for region in regions {
            regionRows.add(.text(region.code), .text(region.name), .text(region.nameEn), .text(region.parent), .text(region.level))
        }
        try regionRows.flush(into: session)
        var productRows = UnnestInsert("INSERT INTO products (code, name, name_en, industry, category, unit, restricted)",
                                       [.text, .text, .text, .text, .text, .text, .bool], tail: """
                                           ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,
                                               industry = excluded.industry, category = excluded.category,
                                               unit = excluded.unit, restricted = excluded.restricted
                                           """)
        for product in products {
            productRows.add(.text(product.code), .text(product.name), .text(product.nameEn), .text(product.industry),
                            .text(product.category), .text(product.unit), .bool(product.isRestricted))
        }
        try productRows.flush(into: session)
        var log = UnnestInsert("INSERT INTO server_log (pos, kind, body, sealed)", [.int, .text, .text, .nullableText])
        log.expressions[0] = { Self.positionSQL($0) }
        let documents = try regions.map { ("region", try JSONValue(encoding: $0)) }
            + products.map { ("product", try JSONValue(encoding: $0)) }
        for ((kind, body), ordinal) in zip(documents, try ordinals(documents.count)) {
            let sealed = try cipher.seal(body)
            log.add(.int(ordinal), .text(kind), .text(sealed.text), .text(sealed.envelope))
        }
        try log.flush(into: session)
    }
}
