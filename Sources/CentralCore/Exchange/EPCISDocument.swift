public import SyncCore

/// The GS1 EPCIS 2.0 JSON-LD export for the national traceability platform (README, "EPCIS export").
///
/// A pure builder: the same events and creation date give the same document, byte for byte in canonical form. It
/// validates against GS1's `EPCIS-JSON-Schema.json` (draft-07); `EPCISExportTests` checks that with Python's
/// `jsonschema`.
///
/// One EPCIS event per recorded fact: a receipt, inspection, sale or disposal becomes one event (see
/// `EPCISDocument+Events.swift` for the mapping). A correction is not an event: `ExportedEvent.fields` already has
/// its values. A voiding is not an event either: the event it cancels carries an `errorDeclaration`. Prices,
/// buyers, suppliers, witnesses, vehicle plates and operators never appear: the EPCIS allow-list (`Disclosure`)
/// keeps them back.
public enum EPCISDocument {
    /// The GS1 EPCIS 2.0 JSON-LD context.
    public static let gs1Context = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld"
    /// The EPCIS schema version the document declares.
    public static let schemaVersion = "2.0"

    /// The EPCIS document for `events`, in their order, created at `creationDate` (milliseconds since the Unix
    /// epoch). Events of kinds that are not exported (corrections, voidings, operator registrations) are skipped,
    /// and so is a second event with an id already seen.
    public static func make(events: [ExportedEvent], creationDate: Int64) -> JSONValue {
        var seen: Set<String> = []
        let exported = events.filter { ExportedEvent.isExported($0.kind) && seen.insert($0.id).inserted }
        var members: [String: JSONValue] = [
            "@context": context,
            "type": .string("EPCISDocument"),
            "schemaVersion": .string(schemaVersion),
            "creationDate": .string(EPCISTime.string(creationDate)),
            "epcisBody": .object(["eventList": .array(exported.map(event))]),
        ]
        if let header = header(exported) { members["epcisHeader"] = header }
        return .object(members)
    }

    /// GS1's context and our extension prefix: `["https://ref.gs1.org/…/epcis-context.jsonld", {"ts": "…"}]`.
    static var context: JSONValue {
        .array([.string(gs1Context), .object([EPCISIdentifiers.prefix: .string(EPCISIdentifiers.namespace)])])
    }

    /// Master data for the nodes the events name: each node as a business location with its GB/T 2260 region and
    /// country. Nil when there are no events.
    static func header(_ events: [ExportedEvent]) -> JSONValue? {
        var regions: [String: String] = [:]
        for event in events where regions[event.node] == nil { regions[event.node] = event.nodeRegion }
        guard !regions.isEmpty else { return nil }
        let locations = regions.keys.sorted().map { node -> JSONValue in
            .object([
                "id": .string(EPCISIdentifiers.node(node)),
                "attributes": .array([
                    .object(["id": .string(countryCodeAttribute), "attribute": .string("CN")]),
                    .object(["id": .string(EPCISIdentifiers.term("region")), "attribute": .string(regions[node]!)]),
                ]),
            ])
        }
        return .object(["epcisMasterData": .object(["vocabularyList": .array([
            .object([
                "type": .string("urn:epcglobal:epcis:vtype:BusinessLocation"),
                "vocabularyElementList": .array(locations),
            ]),
        ])])])
    }

    /// CBV master data attribute: ISO 3166-1 alpha-2 country code of a location.
    static let countryCodeAttribute = "urn:epcglobal:cbv:mda#countryCode"
}
