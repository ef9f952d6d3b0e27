public import Hummingbird
import CentralCore

// Special-equipment units, and their public view, are returned from routes as JSON; CentralCore stays free of HTTP
// types.
extension EquipmentUnit: ResponseEncodable {}
extension EquipmentPublicView: ResponseEncodable {}
