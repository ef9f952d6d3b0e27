public import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

// SyncCore's protocol types are returned from routes as JSON. SyncCore stays free of HTTP types (it also ships
// in the device app), so the conformances live here.
extension EnrollResponse: ResponseEncodable {}
extension PushResponse: ResponseEncodable {}
extension PullPage: ResponseEncodable {}
extension ConflictRecord: ResponseEncodable {}
extension PublicTrace: ResponseEncodable {}
extension RecallReport: ResponseEncodable {}
extension SupervisionStats: ResponseEncodable {}
extension FeedPage: ResponseEncodable {}
extension AuditRecord: ResponseEncodable {}
extension CentralStore.DeviceRecord: ResponseEncodable {}
extension ListedOperator: ResponseEncodable {}
extension HeldBatch: ResponseEncodable {}
extension HoldReleaseRecord: ResponseEncodable {}
