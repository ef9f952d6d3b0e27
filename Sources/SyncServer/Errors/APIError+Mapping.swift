import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// The one place where failures become HTTP statuses.
extension APIError {
    /// The status a refusal with `code` answers with. The `switch` names every code, so a new code does not compile
    /// until it is given a status here.
    static func status(for code: TraceSyncError.Code) -> HTTPResponse.Status {
        switch code.value {
        case .unauthorized, .deviceRevoked, .sessionExpired, .loginFailed:
            .unauthorized
        case .forbiddenScope, .forbidden, .passwordChangeRequired, .accountLocked, .accountDisabled, .complaintForm:
            .forbidden
        case .notFound, .unknownConflict, .unknownCode, .voidedCode, .unknownUser, .unknownDevice, .unknownComplaint:
            .notFound
        case .methodNotAllowed:
            .methodNotAllowed
        case .integrityViolation, .seqGap, .enrollCodeUsed, .deviceExists, .deviceNumberTaken, .deviceNumbersExhausted,
             .conflictResolved, .userExists, .lastProvinceAdmin, .notHeld, .batchDisposed, .batchVoided, .retestMissing:
            .conflict
        case .enrollCodeExpired:
            .gone
        case .payloadTooLarge, .tooManyEntries:
            .contentTooLarge
        case .unsupportedMediaType:
            .unsupportedMediaType
        case .rateLimited:
            .tooManyRequests
        case .internalError:
            .internalServerError
        // A refusal of the input itself: its shape, a value, or a state it does not fit.
        case .alreadyImported, .alreadyInitialised, .alreadyVoided, .auditChainBroken, .backupIo, .backupLinkAltered,
             .backupLinkMissing, .backupManifestUnreadable, .backupPagesAltered, .backupPathOutside,
             .backupPreviousUnusable, .backupRebuildMismatch, .badAuditHead, .badAuditRetention, .badBackupInterval,
             .badBody, .badCertificate, .badComplaintAnswer, .badDataKey, .badDeviceNumber, .badExpiry, .badIdNumber,
             .badJson, .badNode, .badNodeKind, .badNodes, .badParameter, .badPassword, .badPayload, .badPhone,
             .badPrice, .badQuantity, .badRange, .badRequest, .badResolution, .badResult, .badRole, .badTime,
             .badUnit, .badUpstreamCode, .badUserName, .batchHeld, .complaintCategory,
             .badDrugApprovalNumber, .badDrugTraceCode, .badEquipmentCode, .badFoodLicence, .badHazardClass,
             .badIndustryProfile, .badLicenceNumber, .badPesticideRegistration, .badUnNumber, .badUseRegistration,
             .badVeterinaryApproval, .unknownIdentifier,
             .complaintMarkup, .complaintPhone, .complaintText, .creditCodeCheck, .creditCodeFormat, .csvColumns,
             .csvEmpty, .csvHeader, .csvUnclosedQuote, .dataKeyMismatch, .dataKeyMissing, .dataKeyUnreadable,
             .dataKeyUnwritable, .databaseCorrupt, .databaseMissing, .demoDataMissing, .duplicateCode,
             .duplicateNode, .duplicateOperator, .enrollCodeInvalid, .enrollNodeMismatch, .exceedsBalance,
             .extraArguments, .fileEncoding, .fileExists, .fileUnreadable, .fileUnwritable, .hasSales,
             .masterDataMissing, .missingField, .missingHost, .missingPassword, .noBackupBefore, .noBackups,
             .notCorrectable, .notInitialised, .notVoidable, .nothingToDispose, .openapiMissing, .outOfScope,
             .passwordMismatch, .payloadId, .personalDataAltered, .qrTextTooLong, .releaseNotAllowed,
             .restoreTargetExists, .samePassword, .serialsExhausted, .tlsFiles, .traceCodeCheck, .traceCodeFormat,
             .unknownBatch, .unknownEvent, .unknownField, .unknownNode, .unknownOperator,
             .unknownProduct, .unknownRegion, .unknownTarget, .weakPassword, .writeFailed, .wrongDevice:
            .badRequest
        }
    }

    /// A refusal of the store or of the request's shape.
    init(_ refusal: TraceSyncError) {
        self.init(status: Self.status(for: refusal.code), code: refusal.code, field: refusal.field,
                  message: refusal.message, ackedSeq: refusal.ackedSeq)
    }

    /// An error Hummingbird raised itself (no such route, body too large …), in the same shape.
    init(_ error: some HTTPResponseError) {
        switch error.status {
        case .notFound:
            self.init(status: .notFound, code: .notFound, message: LocalizedText(
                zh: "没有这个接口：请核对地址和方法，接口列表见 /openapi.json。",
                en: "there is no such route: check the path and method; /openapi.json lists the routes."))
        case .contentTooLarge:
            self.init(status: .contentTooLarge, code: .payloadTooLarge, message: LocalizedText(
                zh: "请求体太大：请分批发送。", en: "the request body is too large: send it in smaller batches."))
        case let status where status.kind == .clientError:
            self.init(status: status, code: .badRequest, message: LocalizedText(
                zh: "请求无效（\(status.code)）：请按 /openapi.json 的说明发送请求。",
                en: "the request is not valid (\(status.code) \(status.reasonPhrase)): send it as /openapi.json describes."))
        default:
            self = .internalError
        }
    }

    /// Any other failure: a 500 that tells nothing of the internals (they are logged with the request id).
    static let internalError = APIError(status: .internalServerError, code: .internalError, message: LocalizedText(
        zh: "服务器内部错误：请稍后重试（重复推送是安全的）；若仍然失败，请把响应头中的 X-Request-Id 告诉管理员。",
        en: "internal server error: retry later (repeating a push is safe); if it keeps failing, give the admin the X-Request-Id response header."))
}
