extension HeaderSynonyms {
    /// Georgian headers, as a team in Tbilisi types them, and Azerbaijani ones (Latin script), by the
    /// English field name they stand for: `other(_:)` reads them after `translations`. Azerbaijani's
    /// `Pay` (share) is listed only with a word after it (`Pay faizi`): alone it is an English header.
    public static let georgianAndAzerbaijani: [String: [String]] = [
        "deal_id": [
            "გარიგების №", "გარიგების ნომერი", "გარიგების ID", "ხელშეკრულების №", "ხელშეკრულების ნომერი",
            "Sövdələşmə №", "Sövdələşmə nömrəsi", "Sövdələşmə ID", "Müqavilə №", "Müqavilə nömrəsi",
        ],
        "rep": [
            "გაყიდვების მენეჯერი", "გამყიდველი", "გაყიდვების წარმომადგენელი", "მენეჯერი", "Satış meneceri",
            "Satış nümayəndəsi", "Menecer",
        ],
        "date": [
            "დახურვის თარიღი", "გარიგების თარიღი", "ხელშეკრულების თარიღი", "თარიღი", "Bağlanma tarixi",
            "Sövdələşmə tarixi", "Müqavilə tarixi", "Tarix",
        ],
        "amount": [
            "თანხა", "გარიგების თანხა", "ღირებულება", "გარიგების ღირებულება", "Məbləğ", "Sövdələşmənin məbləği",
            "Sövdələşmə məbləği", "Dəyər",
        ],
        "split": ["წილი", "განაწილება", "Pay faizi", "Bölgü"],
        "product": ["პროდუქტი", "პროდუქცია", "Məhsul"],
        "type": ["ტიპი", "Növ"],
        "status": ["სტატუსი", "Vəziyyət"],
        "cancel_date": ["გაუქმების თარიღი", "Ləğv tarixi"],
        "rate": ["საკომისიოს განაკვეთი", "საკომისიოს პროცენტი", "Komissiya dərəcəsi", "Komissiya faizi"],
        "commission": ["საკომისიო", "საკომისიოს თანხა", "Komissiya", "Komissiya məbləği"],
        "bonus": ["ბონუსი", "Mükafat"],
        "period": ["პერიოდი", "კვარტალი", "Dövr", "Rüb"],
    ]
}
