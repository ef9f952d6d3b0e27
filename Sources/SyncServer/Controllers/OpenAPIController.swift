import Foundation
import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /openapi.json`: the OpenAPI 3.1 description of every route, bundled with the server.
struct OpenAPIController<Context: RequestContext> {
    /// The bundled document.
    let document: Data

    /// Loads the document from the `OpenAPI` resources.
    init() throws {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "OpenAPI") else {
            throw TraceSyncError(.openapiMissing, field: nil,
                                 zh: "找不到接口说明 openapi.json：请重新构建 sync-server。",
                                 en: "the API description openapi.json is missing: rebuild sync-server.")
        }
        document = try Data(contentsOf: url)
    }

    /// The route, to add at `/openapi.json`.
    var endpoints: RouteCollection<Context> {
        let document = ByteBuffer(bytes: document)
        return RouteCollection(context: Context.self)
            .get { _, _ in
                Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: document))
            }
    }
}
