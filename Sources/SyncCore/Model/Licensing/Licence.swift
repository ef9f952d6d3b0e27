/// A licence an operator holds, on record with the operator's registration (农药经营许可证, 危险化学品经营许可证,
/// 道路危险货物运输许可证 …): its kind, number as printed and validity, both days inclusive in China Standard Time.
public struct Licence: Codable, Hashable, Sendable {
    /// The kind, one of ``IdentifierKind/licenceKinds``.
    public var kind: IdentifierKind
    /// The number as printed, checked by the kind's validator.
    public var number: String
    /// The first day it is valid, `YYYY-MM-DD`.
    public var validFrom: String
    /// The last day it is valid, `YYYY-MM-DD`.
    public var validUntil: String

    public init(kind: IdentifierKind, number: String, validFrom: String, validUntil: String) {
        self.kind = kind
        self.number = number
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Whether it is valid on `day` (`YYYY-MM-DD`).
    public func isValid(on day: String) -> Bool { validFrom <= day && day <= validUntil }

    /// A licence as typed: `kind` by raw value (`pesticide_operating_licence`), the number checked by its validator,
    /// the days read as dates.
    /// - Throws: `TraceSyncError` `unknown_identifier` for a kind that is not a licence, the validator's error for a
    ///   bad number, `bad_time` for a bad day or a validity that ends before it starts.
    public static func checked(kind: String, number: String, validFrom: String, validUntil: String) throws -> Licence {
        let kinds = IdentifierKind.licenceKinds.map(\.rawValue).joined(separator: ", ")
        guard let known = IdentifierKind(rawValue: kind.trimmingSpaces), IdentifierKind.licenceKinds.contains(known) else {
            throw TraceSyncError(
                .unknownIdentifier, field: "licence-kind",
                zh: "许可证种类「\(kind)」无效：可用 \(kinds)。",
                en: "licence kind \"\(kind)\" is not valid: use one of \(kinds)."
            )
        }
        let from = try BusinessTime.day(validFrom, field: "valid-from")
        let until = try BusinessTime.day(validUntil, field: "valid-until")
        guard from <= until else {
            throw TraceSyncError(
                .badTime, field: "valid-until",
                zh: "许可证有效期截止日 \(until) 早于起始日 \(from)，请对照许可证输入。",
                en: "the licence's validity ends on \(until), before it starts on \(from); copy both days from the licence."
            )
        }
        return Licence(kind: known, number: try known.validate(number, field: "licence"), validFrom: from,
                       validUntil: until)
    }
}

extension IdentifierKind {
    /// The kinds an operator holds as a licence (the others name a product or a unit).
    public static let licenceKinds: [IdentifierKind] = [
        .pesticideOperatingLicence, .hazardousChemicalsLicence, .dangerousGoodsTransportPermit, .drugOperatingLicence,
        .foodBusinessLicence, .foodProductionLicence, .specialEquipmentLicence,
    ]
}
