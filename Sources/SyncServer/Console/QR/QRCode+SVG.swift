/// A QR code drawn as SVG.
extension QRCode {
    /// A standalone SVG of the code: a white square with the four-module quiet zone around the code, the dark
    /// modules as one black path, `pixelsPerModule` pixels each at its natural size, and `label` as the accessible
    /// name (escaped here). Presentation attributes only, so a strict Content-Security-Policy needs no inline style.
    func svg(pixelsPerModule: Int = 4, label: String) -> String {
        let quiet = 4
        let extent = size + quiet * 2
        var path = ""
        for row in 0..<size {
            for column in 0..<size where matrix.isDark(row: row, column: column) {
                path += "M\(column + quiet) \(row + quiet)h1v1h-1z"
            }
        }
        let pixels = extent * pixelsPerModule
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(extent) \(extent)" width="\(pixels)" \
        height="\(pixels)" shape-rendering="crispEdges" role="img" aria-label="\(HTMLPage.escape(label))">\
        <rect width="\(extent)" height="\(extent)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
        """
    }
}
