import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `POST /v1/devices/enroll`: a device trades an admin's one-time code for its identity and secret.
struct DeviceController {
    let service: CentralService
    /// Reads request bodies within the size limit.
    let body: JSONBody

    /// The routes, to add at `/v1/devices`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .post("enroll", use: enroll)
    }

    /// Enrolls the device: 201 with its identity and secret, shown this once.
    @Sendable func enroll(request: Request, context: SyncRequestContext) async throws -> EditedResponse<EnrollResponse> {
        let enrollment = try await body.decode(EnrollRequest.self, from: request)
        let enrolled = try await service.enroll(enrollment)
        context.logger.info("device enrolled", metadata: [
            "device.id": "\(enrolled.deviceId)", "device.node": "\(enrolled.node.code)",
        ])
        return EditedResponse(status: .created, response: enrolled)
    }
}
