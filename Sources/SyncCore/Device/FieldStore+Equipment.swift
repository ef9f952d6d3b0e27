/// What an inspector types for a special-equipment unit's life event (`field equipment …`): text as typed,
/// checked by `FieldStore.recordEquipment`.
public struct EquipmentInput: Sendable {
    public var code: String
    public var registrationNumber: String?
    public var user: String?
    public var location: String?
    /// `pass` (合格) or `fail` (不合格), for an inspection.
    public var result: String?
    public var nextDue: String?
    public var agency: String?
    public var reportNumber: String?
    public var note: String?
    public var time: String?

    public init(code: String, registrationNumber: String? = nil, user: String? = nil, location: String? = nil,
                result: String? = nil, nextDue: String? = nil, agency: String? = nil, reportNumber: String? = nil,
                note: String? = nil, time: String? = nil) {
        self.code = code
        self.registrationNumber = registrationNumber
        self.user = user
        self.location = location
        self.result = result
        self.nextDue = nextDue
        self.agency = agency
        self.reportNumber = reportNumber
        self.note = note
        self.time = time
    }
}

/// Special-equipment units on the device: recording their life events and listing them as the events the device
/// holds (its own, pending or not, and those pulled from its node) make them.
extension FieldStore {
    /// Records one life event of a unit and returns its event id, and the unit as it stands with it. Never refused
    /// for a unit the device knows is decommissioned: the event is recorded and the server flags it.
    /// - Throws: `TraceSyncError` for a malformed code, registration number, result or due date, or a missing
    ///   required field; nothing is recorded then.
    @discardableResult
    public func recordEquipment(_ step: EquipmentStep, _ input: EquipmentInput) throws -> (eventId: String, unit: EquipmentState) {
        let code = try SpecialEquipmentCode.validate(input.code, field: "code")
        let passed: Bool? = try input.result.map { text in
            switch text.trimmingSpaces.lowercased() {
            case "pass", "合格": return true
            case "fail", "不合格": return false
            default:
                throw TraceSyncError(.badParameter, field: "result",
                                     zh: "检验结论「\(text)」无效：请写 pass（合格）或 fail（不合格）。",
                                     en: "result \"\(text)\" is not valid: write pass or fail.")
            }
        }
        let event = EquipmentEvent(
            equipmentCode: code, node: identity.node,
            registrationNumber: try input.registrationNumber?.trimmingSpaces.nonEmpty.map {
                try UseRegistrationNumber.validate($0, field: "registration")
            },
            user: input.user?.trimmingSpaces.nonEmpty, location: input.location?.trimmingSpaces.nonEmpty,
            passed: step == .inspection ? passed : nil, nextDue: input.nextDue?.trimmingSpaces.nonEmpty,
            agency: input.agency?.trimmingSpaces.nonEmpty, reportNumber: input.reportNumber?.trimmingSpaces.nonEmpty,
            note: input.note?.trimmingSpaces.nonEmpty, time: try time(input.time)
        )
        try event.check(as: step)
        let id = UUIDv7.make()
        try append(.equipment(step, event), id: id)
        return (id, try equipmentUnit(code)!)
    }

    /// Every unit the device holds events of, by code.
    public func equipmentUnits() throws -> [EquipmentState] {
        let byCode = Dictionary(grouping: try equipmentEvents(), by: { event -> String in
            guard case .equipment(_, let unit) = event.body else { return "" }
            return unit.equipmentCode
        })
        return byCode.keys.sorted().compactMap { EquipmentState.derive(code: $0, events: byCode[$0]!) }
    }

    /// Unit `code` as the device's events make it; nil when it holds none.
    public func equipmentUnit(_ code: String) throws -> EquipmentState? {
        EquipmentState.derive(code: code, events: try equipmentEvents())
    }

    /// The unit life events the device holds that count (all but those the server rejected), oldest HLC first.
    public func equipmentEvents() throws -> [RecordedEvent] {
        let kinds = EquipmentStep.allCases.map { "'\($0.eventKind.rawValue)'" }.joined(separator: ", ")
        return try database.query(
            "SELECT id, kind, hlc, author, body FROM events WHERE kind IN (\(kinds)) AND verdict != 'rejected' ORDER BY hlc"
        ).map { row in
            guard let kind = EventKind(rawValue: try row.text("kind")), let hlc = HLCTimestamp(try row.text("hlc")) else {
                throw TraceSyncError(.internalError, field: "events",
                                     zh: "本机记录损坏：事件类型或时钟无法读取。", en: "a stored event's kind or clock cannot be read.")
            }
            let decoded = try EventBody.decode(kind: kind, payload: try JSONValue.parse(try row.text("body")))
            return RecordedEvent(id: decoded.id, hlc: hlc, author: try row.text("author"), body: decoded.body)
        }
    }
}
