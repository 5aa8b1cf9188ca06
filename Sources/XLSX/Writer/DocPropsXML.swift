/// `docProps/core.xml` and `docProps/app.xml`, without dates so that output is deterministic.
enum DocPropsXML {
    static var core: String {
        var out =
            PartXML.header
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
        out += #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
        out +=
            #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>trueup</dc:creator></cp:coreProperties>"#
        return out
    }

    static var app: String {
        var out =
            PartXML.header
            + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#
        out +=
            #"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>trueup</Application>"#
        return out + "</Properties>"
    }
}
