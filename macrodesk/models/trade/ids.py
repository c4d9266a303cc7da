"""Series ids the trade flash reads, with their units and labels.

Bundled with macrodesk (real GACC / World Bank / Korea Customs data):

================================  =====================  ==========================================
id                                unit                   what
================================  =====================  ==========================================
exports_usd_yoy, imports_usd_yoy  pct_yoy                single-month YoY, USD (Jan and Feb separate)
exports_usd_level, imports_…      usd_bn                 monthly value, USD
exports_usd_ytd_yoy, imports_…    pct_yoy_ytd            year-to-date YoY; at February = Jan–Feb combined
exports_usd_yoy_headline, …       pct_yoy                customs headline prints; from 2020 Jan–Feb combined at
                                                         February, before 2020 February alone (GACC published
                                                         Jan and Feb separately until 2019)
export_price_index_hs2            index_prev_year_100    customs export price index (to 2024-12)
import_price_index_hs2            index_prev_year_100    customs import price index (to 2024-12)
wb_index_energy, …_non_energy     index_2010_100         World Bank Pink Sheet price indices
kr_exports_world, kr_exports_us…  usd_mn                 Korea exports, total and by partner (to 2025-06)
exports_usd_region_<key>          usd_thousand           China exports by partner, :data:`PARTNERS` (first
                                                         release, Jan and Feb separate, to 2025-03)
vn_exports_world, vn_exports_…    usd_mn                 Vietnam exports (GSO), total and by product
                                                         :data:`VN_PRODUCT_NAMES` (to 2025-02)
================================  =====================  ==========================================

To be imported by the user (Wind/iFinD/CEIC exports; any USD level unit —
``usd_bn``, ``usd_100m``, ``usd_mn``, ``usd_10k``, ``usd_thousand`` — is converted):

* China exports by region, ``exports_usd_region_<key>`` for the keys in :data:`REGIONS`
  (bundled to 2025-03; later months are imported the same way). Regions must not overlap (no APEC/RCEP/BRI aggregates); the rest of the world is
  computed as a residual, so contributions add up to the total YoY.
* China exports by product group, ``exports_usd_product_<key>`` for :data:`PRODUCT_GROUPS`
  (analyst groups; they must not overlap either).
* Value and quantity of single products, ``exports_usd_product_<key>`` and
  ``exports_qty_product_<key>`` (any count unit: ``units``, ``10k_units``, ``t``, ``10k_t``)
  for :data:`PV_ITEMS`.
* Vietnam: ``vn_exports_us`` (not in GSO's monthly tables) and later months of
  ``vn_exports_world`` and ``vn_exports_product_<key>`` for :data:`VN_PRODUCTS` (USD levels).
* Korea: ``kr_exports_product_<key>`` for :data:`KR_PRODUCTS`; the first-20-days release
  ``kr_exports_20d_world`` and ``kr_exports_20d_product_<key>``; the export price index
  of semiconductors ``kr_export_price_semiconductors`` (``index``, any base).
* High-frequency indicators for the nowcast (daily or weekly, dated):
  :data:`HF_INDICATORS`.
"""

from __future__ import annotations

__all__ = [
    "PARTNERS",
    "REGIONS",
    "PRODUCT_GROUPS",
    "PV_ITEMS",
    "KR_PARTNERS",
    "KR_PRODUCTS",
    "VN_PRODUCTS",
    "VN_PRODUCT_NAMES",
    "COMMODITY_INDICES",
    "HF_INDICATORS",
    "USD_LEVEL_UNITS",
    "region_id",
    "product_id",
    "quantity_id",
    "all_optional_ids",
]

#: (key, zh, en) — every partner with China's exports and imports by partner
#: (``exports_usd_region_<key>``, ``imports_usd_region_<key>``); some overlap
#: (Germany and France are in the EU, Vietnam in ASEAN; the UK was in the EU to 2019).
PARTNERS: tuple[tuple[str, str, str], ...] = (
    ("us", "美国", "US"),
    ("eu", "欧盟", "EU"),
    ("asean", "东盟", "ASEAN"),
    ("japan", "日本", "Japan"),
    ("korea", "韩国", "Korea"),
    ("hong_kong", "中国香港", "Hong Kong"),
    ("taiwan", "中国台湾", "Taiwan"),
    ("india", "印度", "India"),
    ("uk", "英国", "UK"),
    ("russia", "俄罗斯", "Russia"),
    ("africa", "非洲", "Africa"),
    ("latin_america", "拉丁美洲", "Latin America"),
    ("australia", "澳大利亚", "Australia"),
    ("canada", "加拿大", "Canada"),
    ("new_zealand", "新西兰", "New Zealand"),
    ("macau", "中国澳门", "Macau"),
    ("germany", "德国", "Germany"),
    ("france", "法国", "France"),
    ("vietnam", "越南", "Vietnam"),
)

#: (key, zh, en) — China's export destinations for the contributions, disjoint
#: (from 2020, when the EU is EU27; the rest of the world is the residual "other").
REGIONS: tuple[tuple[str, str, str], ...] = PARTNERS[:13]

#: (key, zh, en) — disjoint product groups for contributions to total exports.
PRODUCT_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("raw_materials", "原材料", "Raw materials"),
    ("equipment", "生产设备", "Production equipment"),
    ("parts", "零部件", "Parts and components"),
    ("autos", "汽车", "Autos"),
    ("ships", "船舶", "Ships"),
    ("consumer_electronics", "消费电子", "Consumer electronics"),
    ("home_appliances", "家电", "Home appliances"),
    ("labour_intensive", "劳动密集型产品", "Labour-intensive goods"),
)

#: (key, zh, en) — products with value and quantity, for price vs volume.
PV_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("ics", "集成电路", "Integrated circuits"),
    ("phones", "手机", "Mobile phones"),
    ("computers", "自动数据处理设备", "Computers"),
    ("autos", "汽车", "Autos"),
    ("steel", "钢材", "Steel products"),
    ("rare_earths", "稀土", "Rare earths"),
)

#: Korea's partners in the bundled data (``kr_exports_<key>``, usd_mn).
KR_PARTNERS: tuple[tuple[str, str, str], ...] = (
    ("us", "美国", "US"),
    ("china", "中国", "China"),
    ("germany", "德国", "Germany"),
    ("australia", "澳大利亚", "Australia"),
    ("canada", "加拿大", "Canada"),
    ("indonesia", "印度尼西亚", "Indonesia"),
    ("philippines", "菲律宾", "Philippines"),
    ("thailand", "泰国", "Thailand"),
    ("russia", "俄罗斯", "Russia"),
)

#: Korea's main export products (``kr_exports_product_<key>``; ``kr_exports_20d_product_<key>``).
KR_PRODUCTS: tuple[tuple[str, str, str], ...] = (
    ("semiconductors", "半导体", "Semiconductors"),
    ("computers", "计算机外围设备", "Computer peripherals"),
    ("wireless", "无线通信设备", "Wireless devices"),
    ("displays", "显示面板", "Displays"),
    ("autos", "汽车", "Autos"),
    ("auto_parts", "汽车零部件", "Auto parts"),
    ("machinery", "一般机械", "General machinery"),
    ("petroleum", "石油制品", "Petroleum products"),
    ("petrochemicals", "石化产品", "Petrochemicals"),
    ("steel", "钢铁", "Steel"),
    ("ships", "船舶", "Ships"),
)

#: Vietnam's export products in GSO's monthly tables (``vn_exports_product_<key>``, USD levels).
VN_PRODUCT_NAMES: tuple[tuple[str, str, str], ...] = (
    ("electronics_computers", "电脑、电子产品及零件", "Computers, electronics and parts"),
    ("phones", "手机及零件", "Phones and parts"),
    ("machinery", "机械设备及零部件", "Machinery and parts"),
    ("textiles_garments", "纺织服装", "Textiles and garments"),
    ("footwear", "鞋类", "Footwear"),
    ("transport_equipment", "交通工具及零件", "Transport equipment and parts"),
    ("wood", "木材及木制品", "Wood and wood products"),
    ("cameras", "照相机、摄像机及零件", "Cameras and parts"),
    ("seafood", "水产品", "Seafood"),
    ("steel", "钢铁", "Iron and steel"),
    ("bags", "箱包、伞", "Bags and umbrellas"),
    ("plastic_products", "塑料制品", "Plastic products"),
    ("fruit_veg", "蔬菜水果", "Fruit and vegetables"),
    ("coffee", "咖啡", "Coffee"),
    ("rice", "大米", "Rice"),
    ("rubber", "橡胶", "Rubber"),
    ("crude_oil", "原油", "Crude oil"),
    ("chemicals", "化学品", "Chemicals"),
    ("wires_cables", "电线电缆", "Wires and cables"),
    ("yarn", "纱线", "Yarn"),
    ("furniture_non_wood", "非木质家具", "Furniture (non-wood)"),
    ("toys_sports", "玩具及运动用品", "Toys and sports goods"),
)

#: Vietnam's main export products, the parts of the product contributions (disjoint);
#: the rest of Vietnam's exports is the residual "other".
VN_PRODUCTS: tuple[tuple[str, str, str], ...] = VN_PRODUCT_NAMES[:7]

#: Commodity price indices compared with imports (bundled, World Bank, monthly).
COMMODITY_INDICES: tuple[tuple[str, str, str], ...] = (
    ("wb_index_energy", "世界银行能源价格指数", "World Bank energy index"),
    ("wb_index_non_energy", "世界银行非能源价格指数", "World Bank non-energy index"),
)

#: High-frequency indicators for the export nowcast, in order of preference:
#: (id, zh, en, unit). Daily or weekly; the first one present is used.
HF_INDICATORS: tuple[tuple[str, str, str, str], ...] = (
    ("hf_sh_container_ships_loaded", "上海港装载集装箱船数量", "container ships loaded in Shanghai", "units"),
    ("hf_port_container_throughput", "港口集装箱吞吐量", "port container throughput", "10k_units"),
)

#: Units accepted for a USD value (converted to usd_bn).
USD_LEVEL_UNITS: tuple[str, ...] = ("usd_bn", "usd_100m", "usd_mn", "usd_10k", "usd_thousand")


def region_id(key: str) -> str:
    return f"exports_usd_region_{key}"


def product_id(key: str) -> str:
    return f"exports_usd_product_{key}"


def quantity_id(key: str) -> str:
    return f"exports_qty_product_{key}"


def all_optional_ids() -> tuple[str, ...]:
    """Every id the trade flash uses when present, in report order."""
    ids: list[str] = [
        "exports_usd_ytd_yoy",
        "exports_usd_yoy_headline",
        "imports_usd_yoy",
        "imports_usd_level",
        "imports_usd_ytd_yoy",
        "imports_usd_yoy_headline",
    ]
    ids += [region_id(k) for k, _, _ in REGIONS]
    ids += [product_id(k) for k, _, _ in PRODUCT_GROUPS]
    for k, _, _ in PV_ITEMS:
        for i in (product_id(k), quantity_id(k)):
            if i not in ids:
                ids.append(i)
    ids += ["export_price_index_hs2", "import_price_index_hs2"]
    ids += ["vn_exports_world", "vn_exports_us"] + [f"vn_exports_product_{k}" for k, _, _ in VN_PRODUCTS]
    ids += ["kr_exports_world"] + [f"kr_exports_{k}" for k, _, _ in KR_PARTNERS]
    ids += [f"kr_exports_product_{k}" for k, _, _ in KR_PRODUCTS]
    ids += ["kr_exports_20d_world"] + [f"kr_exports_20d_product_{k}" for k, _, _ in KR_PRODUCTS]
    ids += ["kr_export_price_semiconductors"]
    ids += [i for i, _, _ in COMMODITY_INDICES]
    ids += [i for i, _, _, _ in HF_INDICATORS]
    return tuple(ids)
