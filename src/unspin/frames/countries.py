"""The names of countries, as English news writes them ("Russia", "the U.S.", "Britain").

Read by :mod:`.places`: a country's name before another noun ("the Russia probe", "U.S.
forces") says whose or about what the thing is, not where the claim happened.
"""

from __future__ import annotations

__all__ = ["COUNTRIES", "is_country"]

_NAMES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia
|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan
|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burma
|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China
|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark
|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|England
|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia
|Germany|Ghana|Great Britain|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti
|Holland|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy
|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos
|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Macedonia
|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius
|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia
|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia
|Northern Ireland|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay
|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino
|Saudi Arabia|Scotland|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia
|Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Soviet Union|Spain|Sri Lanka
|Sudan|Suriname|Swaziland|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand
|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine
|United Arab Emirates|UAE|United Kingdom|UK|U.K.|United States|United States of America
|US|U.S.|USA|U.S.A.|America|Britain|USSR|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela
|Vietnam|Wales|Yemen|Zambia|Zimbabwe
"""

#: Every name of :data:`_NAMES`, as written.
COUNTRIES = frozenset(name.strip() for name in _NAMES.replace("\n", "").split("|"))


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's name, with or without "the" ("the U.S.")."""
    if name[:4].lower() == "the ":
        name = name[4:]
    return name in COUNTRIES
