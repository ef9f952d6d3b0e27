public import Hummingbird
import CentralCore

// Special-equipment units are returned from routes as JSON; CentralCore stays free of HTTP types.
extension EquipmentUnit: ResponseEncodable {}
