import SyncCore
import CentralCore
import CentralSQLite

/// How the console words conflicts and events: the queue's order of kinds, and a line for each event.
enum ConsoleConflictText {
    /// The food-safety kinds, which the queue lists first.
    static let foodSafetyKinds: Set<ConflictKind> = [.heldTraded, .holdVoided]

    /// Every kind, food-safety kinds first, then the others in declaration order.
    static let kindsInQueueOrder: [ConflictKind] =
        ConflictKind.allCases.filter { foodSafetyKinds.contains($0) } + ConflictKind.allCases.filter { !foodSafetyKinds.contains($0) }

    /// The queue's order: food-safety conflicts first, then newest first.
    static func queueOrder(_ records: [ConflictRecord]) -> [ConflictRecord] {
        records.sorted { a, b in
            let foodA = foodSafetyKinds.contains(a.kind), foodB = foodSafetyKinds.contains(b.kind)
            return foodA != foodB ? foodA : a.id > b.id
        }
    }

    /// What an event says, in a few words, escaped.
    static func summary(_ body: EventBody) -> String {
        switch body {
        case .receipt(let r):
            return HTMLPage.escape("\(r.product) \(r.quantity) \(r.unit) · 供货方 supplier \(r.supplier) · 经营户 operator \(r.operatorId)")
        case .inspection(let i):
            return HTMLPage.escape(i.item) + " · " + (i.passed ? "<span class=\"pass\">合格 pass</span>" : "<span class=\"hold\">不合格 fail</span>")
        case .sale(let s):
            let carrier = s.carrier.map { " · 承运 carrier \($0)" + (s.carrierPermit.map { " 许可证 permit \($0)" } ?? "")
                + (s.vehiclePlate.map { " 车牌 plate \($0)" } ?? "") } ?? ""
            return HTMLPage.escape("\(s.quantity) → 买方 buyer \(buyer(s)) · 子码 child \(s.childCode.digits)" + carrier)
        case .disposal(let d):
            return HTMLPage.escape("销毁 disposed \(d.quantity) · \(d.reason)")
        case .correction(let c):
            let fields = c.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            return HTMLPage.escape("更正 \(c.target) · \(fields)")
        case .voiding(let v):
            return HTMLPage.escape("作废 voids \(v.target) · \(v.reason)")
        case .operatorRegistration(let o):
            return HTMLPage.escape(o.name)
        case .release(let r):
            return HTMLPage.escape("解除 lifts \(r.lifts.joined(separator: ", ")) · \(r.note)")
        case .equipment(let step, let e):
            return HTMLPage.escape("\(step.label.zh) \(step.label.en) · 设备 unit \(e.equipmentCode) · \(BusinessTime.display(e.time))")
        case .packing(let p):
            return HTMLPage.escape("装箱 packs \(p.contents.count) → \(p.container.digits)")
        case .unpacking(let u):
            return HTMLPage.escape("拆箱 unpacks \(u.contents.count) ← \(u.container.digits)")
        }
    }

    /// A sale's buyer: the name given, else the operator id, else 散客 walk-in.
    static func buyer(_ sale: Sale) -> String {
        sale.buyerName ?? sale.buyerOperatorId ?? "散客 walk-in"
    }
}
