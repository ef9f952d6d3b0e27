/// One step of a special-equipment unit's life (`EquipmentStep` says which): the unit's codes, where and when,
/// and what the step records. A unit is one registered thing: it has no quantity and never sells out.
public struct EquipmentEvent: Codable, Hashable, Sendable {
    /// 特种设备代码 (`SpecialEquipmentCode`), the unit's code for life.
    public var equipmentCode: String
    /// The node whose devices keep the unit's record.
    public var node: String
    /// 使用登记证编号 (`UseRegistrationNumber`): required at registration, its first character names the kind.
    public var registrationNumber: String?
    /// 使用单位: the company that uses the unit (registration).
    public var user: String?
    /// 安装地点 (installation), e.g. 海口市美兰区… 1 号客梯.
    public var location: String?
    /// 检验结论 (inspection): true for 合格.
    public var passed: Bool?
    /// 下次检验日期 `YYYY-MM-DD` (inspection): required when it passed.
    public var nextDue: String?
    /// 检验机构 (inspection) or 维修单位 (repair).
    public var agency: String?
    /// 检验报告编号 (inspection).
    public var reportNumber: String?
    /// What was done (repair) or why (decommissioning).
    public var note: String?
    /// Business time, milliseconds since the Unix epoch.
    public var time: Int64

    package init(
        equipmentCode: String, node: String, registrationNumber: String? = nil, user: String? = nil,
        location: String? = nil, passed: Bool? = nil, nextDue: String? = nil, agency: String? = nil,
        reportNumber: String? = nil, note: String? = nil, time: Int64
    ) {
        self.equipmentCode = equipmentCode
        self.node = node
        self.registrationNumber = registrationNumber
        self.user = user
        self.location = location
        self.passed = passed
        self.nextDue = nextDue
        self.agency = agency
        self.reportNumber = reportNumber
        self.note = note
        self.time = time
    }

    /// Refuses an event that `step` cannot record: a malformed code or registration number, a missing required
    /// member, a due date that is not a date after the inspection. The device checks before it records and the
    /// server again before it merges; both say what is wrong and what to enter.
    /// - Throws: `TraceSyncError` (`bad_equipment_code`, `bad_use_registration`, `missing_field`, `bad_time`).
    public func check(as step: EquipmentStep) throws {
        guard try SpecialEquipmentCode.validate(equipmentCode, field: "equipmentCode") == equipmentCode else {
            throw TraceSyncError(.badEquipmentCode, field: "equipmentCode",
                                 zh: "特种设备代码「\(equipmentCode)」前后不能有空格。",
                                 en: "special-equipment code \"\(equipmentCode)\" must have no surrounding spaces.")
        }
        if let number = registrationNumber {
            _ = try UseRegistrationNumber.validate(number, field: "registrationNumber")
        }
        switch step {
        case .registration:
            _ = try Validation.required(registrationNumber, field: "registrationNumber", zh: "使用登记证编号",
                                        en: "the use-registration number")
        case .installation:
            _ = try Validation.required(location, field: "location", zh: "安装地点", en: "the place of installation")
        case .inspection:
            guard let passed else {
                throw TraceSyncError(.missingField, field: "passed", zh: "缺少检验结论（合格或不合格）（passed）。",
                                     en: "the inspection's result, passed or failed (passed), is required.")
            }
            if passed {
                _ = try Validation.required(nextDue, field: "nextDue", zh: "下次检验日期", en: "the next due date")
            }
            if let nextDue { try Self.checkDue(nextDue, after: time) }
        case .repair:
            _ = try Validation.required(note, field: "note", zh: "维修内容", en: "what was repaired")
        case .decommissioning:
            _ = try Validation.required(note, field: "note", zh: "报废原因", en: "the reason for decommissioning")
        }
    }

    /// A due date is a `YYYY-MM-DD` day later than the inspection's.
    static func checkDue(_ due: String, after time: Int64) throws {
        let day = try BusinessTime.day(due, field: "nextDue")
        guard day == due, day > BusinessTime.dayOf(time) else {
            throw TraceSyncError(
                .badTime, field: "nextDue",
                zh: "下次检验日期「\(due)」无效：应写成 YYYY-MM-DD，且晚于本次检验日期 \(BusinessTime.dayOf(time))，请对照检验报告输入。",
                en: "next due date \"\(due)\" is not valid: write it as YYYY-MM-DD, later than this inspection's day \(BusinessTime.dayOf(time)); copy it from the report."
            )
        }
    }
}
