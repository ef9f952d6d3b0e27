public import SyncCore

/// The one allow-list of what may leave the platform: per audience and event kind, the payload members an outward
/// view may show (DESIGN.md §5). Every outward view — the public page and JSON, the exchange feed, the CSV exports
/// and EPCIS — reads events only through `disclose`, so a member not listed here (a price, a buyer's name, a
/// personal number, whatever key or shape it arrives in) reaches none of them.
///
/// Corrections pass through the same list: a correction's `fields` keep only the correctable fields whose payload
/// members (`CorrectableFields.members`) the corrected event's kind may show, and views built from corrected
/// events read the corrected values through the list like any other.
public enum Disclosure {
    /// The payload members of an event of `kind` that `audience` may see.
    public static func members(_ kind: EventKind, for audience: Audience) -> Set<String> {
        switch (audience, kind) {
        case (.exchange, .receipt):
            ["batchCode", "node", "product", "quantity", "unit", "operatorId", "supplier", "origin", "upstreamCode",
             "quarantineCert", "meatQualityCert", "originCert", "vehiclePlate", "approvalNumber", "lotNumber", "expiry",
             "items", "time"]
        case (.epcis, .receipt):
            ["batchCode", "node", "product", "quantity", "unit", "origin", "upstreamCode", "quarantineCert",
             "meatQualityCert", "originCert", "approvalNumber", "lotNumber", "expiry", "items", "time"]
        // The upstream code links the chain a consumer's trace follows back to the origin.
        // A drug's approval number, lot and expiry are printed on its box: the consumer checks them.
        case (.consumer, .receipt):
            ["batchCode", "node", "product", "unit", "origin", "upstreamCode", "approvalNumber", "lotNumber", "expiry",
             "time"]
        case (.exchange, .inspection), (.epcis, .inspection): ["batchCode", "item", "method", "value", "passed", "time"]
        case (.consumer, .inspection): ["batchCode", "item", "passed", "time"]
        // A hazardous delivery's carrier, permit and vehicle go to the regulator's exchange, never to consumers.
        case (.exchange, .sale):
            ["batchCode", "childCode", "buyerOperatorId", "quantity", "containers", "carrier", "carrierPermit",
             "vehiclePlate", "time"]
        case (.epcis, .sale): ["batchCode", "childCode", "quantity", "containers", "time"]
        case (.consumer, .sale): ["batchCode", "childCode", "time"]
        case (.exchange, .disposal): ["batchCode", "quantity", "reason", "witness", "time"]
        case (.epcis, .disposal): ["batchCode", "quantity", "reason", "time"]
        case (.consumer, .disposal): []
        case (.exchange, .correction): ["batchCode", "target", "fields", "versionSeen", "time"]
        case (.epcis, .correction), (.consumer, .correction): []
        case (.exchange, .voiding): ["batchCode", "target", "reason", "time"]
        case (.epcis, .voiding): ["batchCode", "target", "time"]
        case (.consumer, .voiding): []
        case (.exchange, .operatorRegistration): ["id", "node", "name", "kind", "creditCode", "legalRepresentative", "stall"]
        case (.epcis, .operatorRegistration), (.consumer, .operatorRegistration): []
        case (.exchange, .release): ["batchCode", "lifts", "retests", "note", "time"]
        case (.epcis, .release), (.consumer, .release): []
        case (_, .equipmentRegistration), (_, .equipmentInstallation), (_, .equipmentInspection), (_, .equipmentRepair),
             (_, .equipmentDecommissioning):
            EquipmentDisclosure.members(EquipmentStep(kind)!, for: audience)
        // Packing names item and container codes only: nothing personal or secret.
        case (.exchange, .packing), (.epcis, .packing), (.consumer, .packing):
            ["batchCode", "container", "level", "contents", "time"]
        case (.exchange, .unpacking), (.epcis, .unpacking), (.consumer, .unpacking):
            ["batchCode", "container", "contents", "time"]
        }
    }

    /// The correctable fields of an event of `kind` that a correction may show to `audience`: those whose every
    /// payload member `audience` may see of `kind`.
    public static func correctableFields(_ kind: EventKind, for audience: Audience) -> Set<String> {
        let visible = members(kind, for: audience)
        return Set(CorrectableFields.names(for: kind).filter { name in
            CorrectableFields.members(name, of: kind).map { !$0.isEmpty && visible.isSuperset(of: $0) } ?? false
        })
    }

    /// What `audience` may see of an event of `kind` whose payload is `payload` (as recorded or as stored, in any
    /// shape). For a correction, `correcting` is the kind of the event it corrects; its `fields` keep only what
    /// that kind may show, and none when the kind is not known.
    public static func disclose(kind: EventKind, payload: JSONValue, correcting target: EventKind? = nil,
                                to audience: Audience) -> DisclosedEvent {
        guard case .object(let recorded) = payload else { return DisclosedEvent(kind: kind, members: [:]) }
        let allowed = members(kind, for: audience)
        var shown = recorded.filter { allowed.contains($0.key) }
        if kind == .correction, let fields = shown["fields"] {
            let correctable = target.map { correctableFields($0, for: audience) } ?? []
            // A correction's fields map names to text; anything else in their place is not shown at all.
            if case .object(let named) = fields {
                shown["fields"] = .object(named.filter { correctable.contains($0.key) })
            } else {
                shown["fields"] = nil
            }
        }
        return DisclosedEvent(kind: kind, members: shown)
    }

    /// What `audience` may see of `body` (typically an event with its corrections applied).
    ///
    /// Encoding a body's plain `Codable` members does not fail; were it ever to, nothing would be disclosed.
    public static func disclose(_ body: EventBody, correcting target: EventKind? = nil,
                                to audience: Audience) -> DisclosedEvent {
        let payload = (try? body.payload(id: "")) ?? .object([:])
        return disclose(kind: body.kind, payload: payload, correcting: target, to: audience)
    }
}
