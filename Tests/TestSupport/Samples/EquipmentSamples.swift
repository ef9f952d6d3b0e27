public import SyncCore

/// A passenger lift's life at node 46010001 (the fixtures' `700101`: 特种设备代码 311010123202300457, 使用登记证
/// 梯11琼A00023(23)), for the equipment tests.
public enum EquipmentSamples {
    public static let lift = "311010123202300457"
    public static let liftRegistration = "梯11琼A00023(23)"
    /// The fixtures' steam boiler.
    public static let boiler = "120010456201900012"
    public static let boilerRegistration = "锅12琼A00007(19)"

    public static func registration(
        _ code: String = lift, number: String = liftRegistration, node: String = MergeSamples.node,
        time: Int64 = marketMorning
    ) -> EventBody {
        .equipment(.registration, EquipmentEvent(equipmentCode: code, node: node, registrationNumber: number,
                                                 user: "海口市万绿园商业广场物业管理有限公司", time: time))
    }

    public static func installation(_ code: String = lift, node: String = MergeSamples.node,
                                    time: Int64 = marketMorning) -> EventBody {
        .equipment(.installation, EquipmentEvent(equipmentCode: code, node: node,
                                                 location: "海口市龙华区滨海大道 99 号 万绿园广场 1 号客梯", time: time))
    }

    public static func inspection(
        _ code: String = lift, passed: Bool = true, nextDue: String? = "2027-11-23", node: String = MergeSamples.node,
        time: Int64 = marketMorning
    ) -> EventBody {
        .equipment(.inspection, EquipmentEvent(equipmentCode: code, node: node, passed: passed, nextDue: nextDue,
                                               agency: "海南省特种设备检验检测院", reportNumber: "DT-2026-04611",
                                               time: time))
    }

    public static func repair(_ code: String = lift, node: String = MergeSamples.node,
                              time: Int64 = marketMorning) -> EventBody {
        .equipment(.repair, EquipmentEvent(equipmentCode: code, node: node, agency: "海南椰风电梯工程有限公司",
                                           note: "更换曳引钢丝绳", time: time))
    }

    public static func decommissioning(_ code: String = lift, node: String = MergeSamples.node,
                                       time: Int64 = marketMorning) -> EventBody {
        .equipment(.decommissioning, EquipmentEvent(equipmentCode: code, node: node, note: "达到设计使用年限", time: time))
    }
}
