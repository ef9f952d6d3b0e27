/// A field an event of an industry records beside the journal's usual ones, e.g. a hazardous-goods sale's carrier
/// and vehicle. Profiles name these by raw value; any other name is refused.
public enum RecordedField: String, Sendable, Hashable, CaseIterable, Codable {
    /// 承运单位: the carrier's node code or name.
    case carrier
    /// 车牌号: the vehicle's plate.
    case vehicle
    /// 生产批号.
    case lotNumber = "lot_number"
    /// 有效期至.
    case expiry
    /// 下次检验日期.
    case dueDate = "due_date"
    /// 检验机构.
    case inspectionBody = "inspection_body"
}
