extension HeaderSynonyms {
    /// Serbian headers, in Cyrillic as a Serbian Excel's users type them and in Latin where they
    /// differ from the Croatian ones already listed (`Prodavac`, `Udeo`), and Catalan ones, by the
    /// English field name they stand for: `other(_:)` reads them after `translations`.
    public static let serbianAndCatalan: [String: [String]] = [
        "deal_id": [
            "Број уговора", "Бр. уговора", "Број посла", "ИД посла", "Br. ugovora", "Núm. operació",
            "Número d'operació", "ID operació", "Operació", "Núm. oportunitat", "Oportunitat",
        ],
        "rep": [
            "Продавац", "Комерцијалиста", "Продајни представник", "Prodavac", "Komercijalista", "Venedor", "Venedora",
            "Representant", "Representant comercial",
        ],
        "date": [
            "Датум закључења", "Датум уговора", "Датум посла", "Датум", "Data de tancament", "Data tancament",
            "Data de signatura",
        ],
        "amount": ["Износ", "Износ посла", "Вредност", "Вредност посла", "Vrednost", "Import", "Import net"],
        "split": ["Удео", "Udeo", "Participació", "Repartiment"],
        "product": ["Производ", "Producte"],
        "type": ["Врста", "Врста посла", "Tipus", "Tipus d'operació"],
        "status": ["Фаза", "Estat"],
        "cancel_date": ["Датум отказа", "Датум сторнирања", "Data de cancel·lació", "Data d'anul·lació"],
        "rate": ["Стопа провизије", "Проценат провизије", "Taxa de comissió", "Percentatge de comissió"],
        "commission": ["Провизија", "Износ провизије", "Comissió", "Comissions", "Import de la comissió"],
        "bonus": ["Премија", "Bonificació"],
        "quota": ["Циљ", "Objectiu"],
        "period": ["Тромесечје", "Període"],
        "clawback": ["Повраћај провизије", "Recuperació"],
        "true_up": ["Корекција", "Ajust"],
        "earned": ["Укупно зарађено", "Зарађено", "Total meritat", "Meritat"],
        "draw": ["Аконтација", "Bestreta"],
        "payable": ["За исплату"],
        "balance": ["Салдо"],
    ]
}
