"""Rebuild the bundled sample data from the project's shared real-data folder.

Usage: python scripts/build_sample.py PATH/TO/shared/data

Copies each tidy CSV (series_id,date,value,unit,source,origin) into
``macrodesk/datasets/<name>.csv.gz`` unchanged (provenance columns kept) and
writes the catalogue of known series, ``macrodesk/series/catalogue.toml``, with each
series' frequency and names (one table per id). Frequencies are read off the
observation dates with the importers' inference (``macrodesk.series.infer_freq``,
lenient like the CSV importer); names come from ``NAMES`` below.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's macrodesk, which it writes into

from macrodesk.series.catalogue import catalogue_toml
from macrodesk.series.frequency import infer_freq

OUT = Path(__file__).resolve().parents[1] / "macrodesk" / "datasets"
CATALOGUE = Path(__file__).resolve().parents[1] / "macrodesk" / "series" / "catalogue.toml"

# series id -> (Chinese name, English name)
NAMES: dict[str, tuple[str, str]] = {
    "cpi_yoy": ("CPI:当月同比", "CPI YoY"),
    "cpi_mom": ("CPI:环比", "CPI MoM"),
    "cpi_index_prev_year": ("CPI(上年同月=100)", "CPI (same month last year=100)"),
    "cpi_urban_index_prev_year": ("城市CPI(上年同月=100)", "Urban CPI (same month last year=100)"),
    "cpi_rural_index_prev_year": ("农村CPI(上年同月=100)", "Rural CPI (same month last year=100)"),
    "cpi_food_yoy": ("CPI:食品:当月同比", "CPI food YoY"),
    "cpi_housing_yoy": ("CPI:居住:当月同比", "CPI housing YoY"),
    "cpi_edu_culture_yoy": ("CPI:教育文化和娱乐:当月同比", "CPI education, culture & recreation YoY"),
    "cpi_transport_comm_yoy": ("CPI:交通和通信:当月同比", "CPI transport & communication YoY"),
    "cpi_mom_index": ("CPI(上月=100)", "CPI (previous month=100)"),
    "cpi_clothing_mom_index": ("CPI:衣着(上月=100)", "CPI clothing (previous month=100)"),
    "cpi_consumer_goods_mom_index": ("CPI:消费品(上月=100)", "CPI consumer goods (previous month=100)"),
    "cpi_core_mom_index": ("核心CPI(上月=100)", "Core CPI (previous month=100)"),
    "cpi_edu_culture_mom_index": ("CPI:教育文化和娱乐(上月=100)", "CPI education & culture (previous month=100)"),
    "cpi_food_tobacco_liquor_mom_index": ("CPI:食品烟酒(上月=100)", "CPI food, tobacco & liquor (previous month=100)"),
    "cpi_healthcare_mom_index": ("CPI:医疗保健(上月=100)", "CPI healthcare (previous month=100)"),
    "cpi_household_goods_services_mom_index": ("CPI:生活用品及服务(上月=100)", "CPI household goods & services (previous month=100)"),
    "cpi_housing_mom_index": ("CPI:居住(上月=100)", "CPI housing (previous month=100)"),
    "cpi_nonfood_mom_index": ("CPI:非食品(上月=100)", "CPI non-food (previous month=100)"),
    "cpi_other_goods_services_mom_index": ("CPI:其他用品和服务(上月=100)", "CPI other goods & services (previous month=100)"),
    "cpi_services_mom_index": ("CPI:服务(上月=100)", "CPI services (previous month=100)"),
    "cpi_transport_comm_mom_index": ("CPI:交通和通信(上月=100)", "CPI transport & communication (previous month=100)"),
    "cpi_yoy_release": ("CPI:当月同比(统计局发布稿)", "CPI YoY (NBS release)"),
    "cpi_mom_release": ("CPI:环比(统计局发布稿)", "CPI MoM (NBS release)"),
    "cpi_core_yoy": ("核心CPI:当月同比", "Core CPI YoY"),
    "cpi_core_mom": ("核心CPI:环比", "Core CPI MoM"),
    "cpi_food_mom": ("CPI:食品:环比", "CPI food MoM"),
    "cpi_nonfood_yoy": ("CPI:非食品:当月同比", "CPI non-food YoY"),
    "cpi_nonfood_mom": ("CPI:非食品:环比", "CPI non-food MoM"),
    "cpi_services_yoy": ("CPI:服务:当月同比", "CPI services YoY"),
    "cpi_services_mom": ("CPI:服务:环比", "CPI services MoM"),
    "cpi_consumer_goods_yoy": ("CPI:消费品:当月同比", "CPI consumer goods YoY"),
    "cpi_consumer_goods_mom": ("CPI:消费品:环比", "CPI consumer goods MoM"),
    "cpi_pork_yoy": ("CPI:猪肉:当月同比", "CPI pork YoY"),
    "cpi_pork_mom": ("CPI:猪肉:环比", "CPI pork MoM"),
    "cpi_fresh_veg_yoy": ("CPI:鲜菜:当月同比", "CPI fresh vegetables YoY"),
    "cpi_fresh_veg_mom": ("CPI:鲜菜:环比", "CPI fresh vegetables MoM"),
    "cpi_fresh_fruit_yoy": ("CPI:鲜果:当月同比", "CPI fresh fruit YoY"),
    "cpi_fresh_fruit_mom": ("CPI:鲜果:环比", "CPI fresh fruit MoM"),
    "cpi_eggs_yoy": ("CPI:蛋类:当月同比", "CPI eggs YoY"),
    "cpi_eggs_mom": ("CPI:蛋类:环比", "CPI eggs MoM"),
    "cpi_energy_yoy": ("CPI:能源:当月同比", "CPI energy YoY"),
    "cpi_energy_mom": ("CPI:能源:环比", "CPI energy MoM"),
    "cpi_gasoline_yoy": ("CPI:汽油:当月同比", "CPI gasoline YoY"),
    "cpi_gasoline_mom": ("CPI:汽油:环比", "CPI gasoline MoM"),
    "cpi_gold_jewelry_yoy": ("CPI:金饰品:当月同比", "CPI gold jewellery YoY"),
    "cpi_gold_jewelry_mom": ("CPI:金饰品:环比", "CPI gold jewellery MoM"),
    "cpi_beef_yoy": ("CPI:牛肉:当月同比", "CPI beef YoY"),
    "cpi_beef_mom": ("CPI:牛肉:环比", "CPI beef MoM"),
    "cpi_mutton_yoy": ("CPI:羊肉:当月同比", "CPI mutton YoY"),
    "cpi_chicken_eggs_yoy": ("CPI:鸡蛋:当月同比", "CPI chicken eggs YoY"),
    "cpi_chicken_eggs_mom": ("CPI:鸡蛋:环比", "CPI chicken eggs MoM"),
    "cpi_household_appliances_yoy": ("CPI:家用器具:当月同比", "CPI household appliances YoY"),
    "cpi_household_appliances_mom": ("CPI:家用器具:环比", "CPI household appliances MoM"),
    "cpi_medical_services_mom": ("CPI:医疗服务:环比", "CPI medical services MoM"),
    "ppi_yoy": ("PPI:全部工业品:当月同比", "PPI YoY"),
    "ppi_mom": ("PPI:全部工业品:环比", "PPI MoM"),
    "ppi_yoy_release": ("PPI:当月同比(统计局发布稿)", "PPI YoY (NBS release)"),
    "ppi_index_prev_year": ("PPI(上年同月=100)", "PPI (same month last year=100)"),
    "ppi_index_ytd_prev_year": ("PPI:累计(上年同期=100)", "PPI YTD (same period last year=100)"),
    "ppi_mining_index": ("PPI:采掘工业(上年同月=100)", "PPI mining (same month last year=100)"),
    "ppi_mining_yoy": ("PPI:采掘工业:当月同比", "PPI mining YoY"),
    "ppi_mining_mom": ("PPI:采掘工业:环比", "PPI mining MoM"),
    "ppi_raw_materials_yoy": ("PPI:原材料工业:当月同比", "PPI raw materials YoY"),
    "ppi_raw_materials_mom": ("PPI:原材料工业:环比", "PPI raw materials MoM"),
    "ppi_processing_yoy": ("PPI:加工工业:当月同比", "PPI processing YoY"),
    "ppi_processing_mom": ("PPI:加工工业:环比", "PPI processing MoM"),
    "ppi_producer_goods_yoy": ("PPI:生产资料:当月同比", "PPI producer goods YoY"),
    "ppi_producer_goods_mom": ("PPI:生产资料:环比", "PPI producer goods MoM"),
    "ppi_consumer_goods_yoy": ("PPI:生活资料:当月同比", "PPI consumer goods YoY"),
    "ppi_consumer_goods_mom": ("PPI:生活资料:环比", "PPI consumer goods MoM"),
    "ppi_consumer_goods_index_prev_year": ("PPI:生活资料(上年同月=100)", "PPI consumer goods (same month last year=100)"),
    "ppi_producer_goods_index_prev_year": ("PPI:生产资料(上年同月=100)", "PPI producer goods (same month last year=100)"),
    "ppi_coal_mining_yoy": ("PPI:煤炭开采和洗选业:当月同比", "PPI coal mining YoY"),
    "ppi_coal_mining_mom": ("PPI:煤炭开采和洗选业:环比", "PPI coal mining MoM"),
    "ppi_oil_gas_extraction_yoy": ("PPI:石油和天然气开采业:当月同比", "PPI oil & gas extraction YoY"),
    "ppi_oil_gas_extraction_mom": ("PPI:石油和天然气开采业:环比", "PPI oil & gas extraction MoM"),
    "ppi_petroleum_coal_processing_yoy": ("PPI:石油煤炭及其他燃料加工业:当月同比", "PPI petroleum & coal processing YoY"),
    "ppi_petroleum_coal_processing_mom": ("PPI:石油煤炭及其他燃料加工业:环比", "PPI petroleum & coal processing MoM"),
    "ppi_ferrous_smelting_yoy": ("PPI:黑色金属冶炼和压延加工业:当月同比", "PPI ferrous smelting YoY"),
    "ppi_ferrous_smelting_mom": ("PPI:黑色金属冶炼和压延加工业:环比", "PPI ferrous smelting MoM"),
    "ppi_nonferrous_smelting_yoy": ("PPI:有色金属冶炼和压延加工业:当月同比", "PPI non-ferrous smelting YoY"),
    "ppi_nonferrous_smelting_mom": ("PPI:有色金属冶炼和压延加工业:环比", "PPI non-ferrous smelting MoM"),
    "ppi_nonmetallic_minerals_yoy": ("PPI:非金属矿物制品业:当月同比", "PPI non-metallic minerals YoY"),
    "ppi_nonmetallic_minerals_mom": ("PPI:非金属矿物制品业:环比", "PPI non-metallic minerals MoM"),
    "ppi_chemical_materials_yoy": ("PPI:化学原料和化学制品制造业:当月同比", "PPI chemical materials YoY"),
    "ppi_chemical_materials_mom": ("PPI:化学原料和化学制品制造业:环比", "PPI chemical materials MoM"),
    "ppi_computer_electronics_yoy": ("PPI:计算机通信和其他电子设备制造业:当月同比", "PPI computers & electronics YoY"),
    "ppi_computer_electronics_mom": ("PPI:计算机通信和其他电子设备制造业:环比", "PPI computers & electronics MoM"),
    "ppi_electrical_machinery_yoy": ("PPI:电气机械和器材制造业:当月同比", "PPI electrical machinery YoY"),
    "ppi_electrical_machinery_mom": ("PPI:电气机械和器材制造业:环比", "PPI electrical machinery MoM"),
    "ppi_auto_yoy": ("PPI:汽车制造业:当月同比", "PPI autos YoY"),
    "ppi_auto_mom": ("PPI:汽车制造业:环比", "PPI autos MoM"),
    "ppi_agri_food_processing_yoy": ("PPI:农副食品加工业:当月同比", "PPI agri-food processing YoY"),
    "ppi_agri_food_processing_mom": ("PPI:农副食品加工业:环比", "PPI agri-food processing MoM"),
    "ppirm_yoy": ("PPIRM:当月同比", "Purchaser price index YoY"),
    "ppirm_mom": ("PPIRM:环比", "Purchaser price index MoM"),
    "exports_usd_level": ("出口金额(美元计)", "Exports (USD)"),
    "exports_usd_yoy": ("出口金额:当月同比(美元计)", "Exports YoY (USD)"),
    "exports_usd_yoy_headline": ("出口金额:当月同比(海关发布)", "Exports YoY (customs headline)"),
    "exports_usd_ytd_level": ("出口金额:累计值(美元计)", "Exports YTD (USD)"),
    "exports_usd_ytd_yoy": ("出口金额:累计同比(美元计)", "Exports YTD YoY (USD)"),
    "imports_usd_level": ("进口金额(美元计)", "Imports (USD)"),
    "imports_usd_yoy": ("进口金额:当月同比(美元计)", "Imports YoY (USD)"),
    "imports_usd_yoy_headline": ("进口金额:当月同比(海关发布)", "Imports YoY (customs headline)"),
    "imports_usd_ytd_level": ("进口金额:累计值(美元计)", "Imports YTD (USD)"),
    "imports_usd_ytd_yoy": ("进口金额:累计同比(美元计)", "Imports YTD YoY (USD)"),
    "export_price_index_hs2": ("出口价格指数(HS2,上年同月=100)", "Export price index (HS2, same month last year=100)"),
    "import_price_index_hs2": ("进口价格指数(HS2,上年同月=100)", "Import price index (HS2, same month last year=100)"),
    "m0_yoy": ("M0:同比", "M0 YoY"),
    "m1_yoy": ("M1:同比", "M1 YoY"),
    "m2_yoy": ("M2:同比", "M2 YoY"),
    "m0_level": ("M0", "M0"),
    "m1_level": ("M1", "M1"),
    "m2_level": ("M2", "M2"),
    "m1_mom": ("M1:环比", "M1 MoM"),
    "m2_mom": ("M2:环比", "M2 MoM"),
    "new_rmb_loans": ("新增人民币贷款", "New RMB loans"),
    "new_rmb_loans_ytd": ("新增人民币贷款:累计值", "New RMB loans YTD"),
    "tsf_increment": ("社会融资规模增量", "Total social financing, flow"),
    "tsf_rmb_loans": ("社融:人民币贷款", "TSF: RMB loans"),
    "lpr_1y": ("贷款市场报价利率(LPR):1年", "1-year LPR"),
    "brent_usd": ("ICE布油期货结算价", "ICE Brent"),
    "brent_dtd_usd": ("布伦特原油现货价", "Dated Brent"),
    "wti_usd": ("WTI原油期货价", "WTI crude"),
    "copper_lme_usd": ("LME铜现货结算价", "LME copper"),
    "aluminium_lme_usd": ("LME铝现货结算价", "LME aluminium"),
    "gold_comex_usd": ("COMEX黄金期货价", "COMEX gold"),
    "crb_spot_index": ("CRB现货指数", "CRB spot index"),
    "nanhua_composite_index": ("南华综合指数", "Nanhua composite index"),
    "nanhua_industrial_index": ("南华工业品指数", "Nanhua industrials index"),
    "rebar_hrb_25mm_cny": ("螺纹钢(HRB400 25mm)价格", "Rebar HRB400 25mm"),
    "thermal_coal_qhd_q5500_cny": ("秦皇岛动力煤(Q5500)平仓价", "Qinhuangdao thermal coal Q5500"),
    "cement_price_index": ("全国水泥价格指数", "China cement price index"),
    "diesel_0_cny": ("0#柴油市场价", "Diesel 0# price"),
    "gasoline_92_cny": ("92#汽油市场价", "Gasoline 92# price"),
    "means_of_production_price_index_weekly": ("生产资料价格指数(周)", "Means of production price index (weekly)"),
    "pork_wholesale_cny": ("猪肉平均批发价", "Pork wholesale price"),
    "vegetables28_wholesale_cny": ("28种重点监测蔬菜平均批发价", "28 vegetables wholesale price"),
    "fruits6_wholesale_cny": ("6种重点监测水果平均批发价", "6 fruits wholesale price"),
    "egg_wholesale_cny": ("鸡蛋平均批发价", "Egg wholesale price"),
    "beef_wholesale_cny": ("牛肉平均批发价", "Beef wholesale price"),
    "hog_spot_price_index_zhuyi": ("生猪现货价格指数(猪易)", "Hog spot price index (Zhuyi)"),
    "breeding_sow_inventory_q": ("能繁母猪存栏(季)", "Breeding sow inventory (quarterly)"),
    "sow_inventory_points": ("能繁母猪存栏", "Breeding sow inventory"),
    "cpi_yoy_consensus": ("CPI当月同比:Wind一致预期", "CPI YoY consensus (Wind)"),
    "ppi_yoy_consensus": ("PPI当月同比:Wind一致预期", "PPI YoY consensus (Wind)"),
    "cpi_yoy_consensus_mom_change": ("CPI一致预期较上月变动", "Change in CPI consensus"),
    "ppi_yoy_consensus_mom_change": ("PPI一致预期较上月变动", "Change in PPI consensus"),
    "pmi_mfg": ("制造业PMI", "Manufacturing PMI"),
    "pmi_nonmfg": ("非制造业商务活动指数", "Non-manufacturing PMI"),
    "pmi_mfg_input_price": ("制造业PMI:主要原材料购进价格", "Manufacturing PMI: input prices"),
    "pmi_mfg_new_orders": ("制造业PMI:新订单", "Manufacturing PMI: new orders"),
    "pmi_mfg_production": ("制造业PMI:生产", "Manufacturing PMI: output"),
    "industrial_va_yoy": ("工业增加值:当月同比", "Industrial value added YoY"),
    "retail_sales_yoy": ("社会消费品零售总额:当月同比", "Retail sales YoY"),
    "retail_sales_level": ("社会消费品零售总额", "Retail sales"),
    "fai_ytd_level": ("固定资产投资完成额:累计值", "Fixed-asset investment YTD"),
    "fx_reserves_usd": ("外汇储备", "FX reserves"),
    "usdcny_month_close": ("美元兑人民币(月末)", "USD/CNY month end"),
    "usdcny_central_parity": ("美元兑人民币中间价", "USD/CNY central parity"),
    "scfi": ("上海出口集装箱运价指数(SCFI)", "SCFI"),
    "ccfi": ("中国出口集装箱运价指数(CCFI)", "CCFI"),
    "bdi": ("波罗的海干散货指数(BDI)", "Baltic Dry Index"),
    "hrci": ("HRCI集装箱船租金指数", "HRCI container charter index"),
    "kr_exports_world": ("韩国出口总额", "Korea exports, total"),
    "kr_exports_us": ("韩国对美国出口", "Korea exports to US"),
    "kr_exports_china": ("韩国对中国出口", "Korea exports to China"),
    "wb_crude_oil_brent": ("布伦特原油(世界银行月均)", "Brent crude (World Bank monthly)"),
    "wb_copper": ("铜(世界银行月均)", "Copper (World Bank monthly)"),
    "wb_aluminum": ("铝(世界银行月均)", "Aluminium (World Bank monthly)"),
    "wb_coal_australian": ("澳大利亚动力煤(世界银行月均)", "Australian coal (World Bank monthly)"),
    "wb_iron_ore_cfr_spot": ("铁矿石(世界银行月均)", "Iron ore (World Bank monthly)"),
    "wb_gold": ("黄金(世界银行月均)", "Gold (World Bank monthly)"),
    "wb_index_energy": ("世界银行能源价格指数", "World Bank energy price index"),
    "wb_index_non_energy": ("世界银行非能源价格指数", "World Bank non-energy price index"),
    "wb_index_base_metals_ex_iron_ore": ("世界银行基本金属指数", "World Bank base metals index"),
}

# ---- names generated by rule for the families with many ids --------------------------------
# NBS industries: the data's keys -> the keys of the 41-industry table, plus the aggregates.
_INDUSTRY_ALIASES = {
    "autos": "auto", "chemicals": "chemical_materials", "computers_electronics": "computer_electronics",
    "culture_sports_goods": "culture_sports", "equipment_repair": "repair", "ferrous_ore_mining": "ferrous_mining",
    "food_manufacturing": "food_mfg", "gas_supply": "gas", "leather_footwear": "leather",
    "nonferrous_ore_mining": "nonferrous_mining", "nonmetal_ore_mining": "nonmetal_mining",
    "other_manufacturing": "other_mfg", "other_transport_equipment": "transport_equipment",
    "pharmaceuticals": "pharma", "waste_recycling": "waste_resources", "water_supply": "water",
    "wood_processing": "wood",
}
_INDUSTRY_AGGREGATES = {
    "industry_total": ("全部工业", "All industry"),
    "manufacturing": ("制造业", "Manufacturing"),
    "mining": ("采矿业", "Mining"),
    "utilities": ("电力、热力、燃气及水生产和供应业", "Utilities"),
}
_INDUSTRY_MEASURES = {  # measure -> (zh, en), its YoY suffix (zh, en)
    "finished_goods_inventory": (("产成品存货", "finished-goods inventory"), ("同比", "YoY")),
    "main_business_revenue_ytd": (("主营业务收入:累计值", "main-business revenue YTD"), ("累计同比", "YTD YoY")),
    "profit_ytd": (("利润总额:累计值", "total profit YTD"), ("累计同比", "YTD YoY")),
    "revenue_ytd": (("营业收入:累计值", "revenue YTD"), ("累计同比", "YTD YoY")),
}
_FAI = {
    "fai_ytd_yoy": ("固定资产投资完成额", "Fixed-asset investment"),
    "fai_agriculture_ytd_yoy": ("固定资产投资:第一产业", "FAI: primary industry"),
    "fai_secondary_industry_ytd_yoy": ("固定资产投资:第二产业", "FAI: secondary industry"),
    "fai_tertiary_industry_ytd_yoy": ("固定资产投资:第三产业", "FAI: tertiary industry"),
    "fai_construction_installation_ytd_yoy": ("固定资产投资:建筑安装工程", "FAI: construction and installation"),
    "fai_construction_ytd_yoy": ("固定资产投资:建筑业", "FAI: construction sector"),
    "fai_equipment_purchase_ytd_yoy": ("固定资产投资:设备工器具购置", "FAI: equipment purchases"),
    "fai_ict_ytd_yoy": ("固定资产投资:信息传输、软件和信息技术服务业", "FAI: ICT services"),
    "fai_manufacturing_ytd_yoy": ("固定资产投资:制造业", "FAI: manufacturing"),
    "fai_mining_ytd_yoy": ("固定资产投资:采矿业", "FAI: mining"),
    "fai_power_heat_ytd_yoy": ("固定资产投资:电力、热力生产和供应业", "FAI: power and heat"),
    "fai_private_ytd_yoy": ("民间固定资产投资", "Private FAI"),
    "fai_public_facilities_mgmt_ytd_yoy": ("固定资产投资:公共设施管理业", "FAI: public facilities management"),
    "fai_railway_ytd_yoy": ("固定资产投资:铁路运输业", "FAI: railways"),
    "fai_real_estate_sector_ytd_yoy": ("固定资产投资:房地产业", "FAI: real-estate sector"),
    "fai_realestate_residential_ytd_level": ("房地产开发投资:住宅:累计值", "Residential real-estate investment YTD"),
    "fai_realestate_residential_ytd_yoy": ("房地产开发投资:住宅", "Residential real-estate investment"),
    "fai_realestate_ytd_level": ("房地产开发投资:累计值", "Real-estate investment YTD"),
    "fai_realestate_ytd_yoy": ("房地产开发投资", "Real-estate investment"),
    "fai_road_transport_ytd_yoy": ("固定资产投资:道路运输业", "FAI: road transport"),
    "fai_transport_storage_post_ytd_yoy": ("固定资产投资:交通运输、仓储和邮政业", "FAI: transport, storage and post"),
    "fai_utilities_ytd_yoy": ("固定资产投资:电力、热力、燃气及水生产和供应业", "FAI: utilities"),
    "fai_water_conservancy_ytd_yoy": ("固定资产投资:水利管理业", "FAI: water conservancy"),
    "fai_water_environment_public_facilities_ytd_yoy": ("固定资产投资:水利、环境和公共设施管理业",
                                                        "FAI: water, environment and public facilities"),
}
# the 8 CPI groups (also the household consumption categories)
_GROUPS = {
    "food_tobacco_liquor": ("食品烟酒", "food, tobacco & liquor"),
    "clothing": ("衣着", "clothing"),
    "housing": ("居住", "housing"),
    "household_goods_services": ("生活用品及服务", "household goods & services"),
    "transport_comm": ("交通和通信", "transport & communication"),
    "edu_culture": ("教育文化和娱乐", "education, culture & recreation"),
    "edu_culture_recreation": ("教育文化和娱乐", "education, culture & recreation"),
    "healthcare": ("医疗保健", "healthcare"),
    "other_goods_services": ("其他用品和服务", "other goods & services"),
    "total": ("合计", "total"),
}
_CNY_AGGREGATES = {
    "total": ("", "total"), "us": ("美国", "US"), "eu": ("欧盟", "EU"), "asean": ("东盟", "ASEAN"),
    "apec": ("APEC", "APEC"), "rcep": ("RCEP", "RCEP"), "bri": ("一带一路", "Belt and Road"),
}
_FLOWS = {"exports": ("出口", "Exports", "to"), "imports": ("进口", "Imports", "from"),
          "trade": ("进出口", "Trade", "with")}
_KR_PARTNERS = {"us": ("美国", "US"), "china": ("中国", "China"), "germany": ("德国", "Germany"),
                "australia": ("澳大利亚", "Australia"), "canada": ("加拿大", "Canada"),
                "indonesia": ("印度尼西亚", "Indonesia"), "philippines": ("菲律宾", "Philippines"),
                "thailand": ("泰国", "Thailand"), "russia": ("俄罗斯", "Russia"), "france": ("法国", "France"),
                "india": ("印度", "India"), "italy": ("意大利", "Italy"), "malaysia": ("马来西亚", "Malaysia"),
                "singapore": ("新加坡", "Singapore"), "uae": ("阿联酋", "UAE")}
_WSTS = {"world": ("全球", "world"), "americas": ("美洲", "Americas"), "asia_pacific": ("亚太", "Asia Pacific"),
         "europe": ("欧洲", "Europe"), "japan": ("日本", "Japan")}

MORE_NAMES: dict[str, tuple[str, str]] = {
    "binary_sow_price": ("二元母猪价格", "Binary sow price"),
    "hog_farmgate_price": ("生猪出场价格", "Hog farm-gate price"),
    "piglet_price": ("仔猪价格", "Piglet price"),
    "hog_grain_price_ratio": ("猪粮比价", "Hog-grain price ratio"),
    "hog_profit_backyard_per_head": ("散养生猪每头净利润", "Net profit per hog, backyard farms"),
    "hog_profit_scale_farm_per_head": ("规模养殖生猪每头净利润", "Net profit per hog, scale farms"),
    "dxy_month_end_close": ("美元指数(月末)", "US dollar index, month end"),
    "fiscal_revenue_ytd_level": ("一般公共预算收入:累计值", "Fiscal revenue YTD"),
    "fiscal_revenue_ytd_yoy": ("一般公共预算收入:累计同比", "Fiscal revenue YTD YoY"),
    "hainan_tourism_cpi_weekly": ("海南旅游价格指数(周)", "Hainan tourism price index (weekly)"),
    "house_price_70city_secondhand_yoy": ("70城二手住宅价格:当月同比", "70-city second-hand house prices YoY"),
    "industrial_va_ytd_yoy": ("工业增加值:累计同比", "Industrial value added YTD YoY"),
    "retail_sales_ytd_yoy": ("社会消费品零售总额:累计同比", "Retail sales YTD YoY"),
    "services_production_index_yoy": ("服务业生产指数:当月同比", "Services production index YoY"),
    "new_loans_corporate_mlt": ("新增人民币贷款:企(事)业单位:中长期", "New MLT loans to corporates"),
    "new_loans_household_mlt": ("新增人民币贷款:住户:中长期", "New MLT loans to households"),
    "tsf_corporate_bonds": ("社融:企业债券融资", "TSF: corporate bonds"),
    "tsf_entrusted_loans": ("社融:委托贷款", "TSF: entrusted loans"),
    "tsf_equity_financing": ("社融:非金融企业境内股票融资", "TSF: equity financing"),
    "tsf_fx_loans": ("社融:外币贷款", "TSF: foreign-currency loans"),
    "tsf_trust_loans": ("社融:信托贷款", "TSF: trust loans"),
    "tsf_undiscounted_bankers_acceptances": ("社融:未贴现银行承兑汇票", "TSF: undiscounted bankers' acceptances"),
    "pmi_composite_caixin": ("财新综合PMI", "Caixin composite PMI"),
    "pmi_mfg_caixin": ("财新制造业PMI", "Caixin manufacturing PMI"),
    "pmi_services_caixin": ("财新服务业PMI", "Caixin services PMI"),
    "pmi_mfg_employment": ("制造业PMI:从业人员", "Manufacturing PMI: employment"),
    "pmi_mfg_raw_material_inventory": ("制造业PMI:原材料库存", "Manufacturing PMI: raw-material inventory"),
    "pmi_mfg_supplier_delivery": ("制造业PMI:供应商配送时间", "Manufacturing PMI: supplier delivery times"),
    "jp_exports_to_china_mof": ("日本对中国出口(日本财务省)", "Japan exports to China (MOF)"),
    "jp_imports_from_china_mof": ("日本自中国进口(日本财务省)", "Japan imports from China (MOF)"),
    "us_exports_to_china_census": ("美国对中国出口(美国商务部)", "US exports to China (Census)"),
    "us_imports_from_china_census": ("美国自中国进口(美国商务部)", "US imports from China (Census)"),
    "kr_exports_to_china_kosis": ("韩国对中国出口(KOSIS)", "Korea exports to China (KOSIS)"),
    "kr_imports_from_china_kosis": ("韩国自中国进口(KOSIS)", "Korea imports from China (KOSIS)"),
    "vn_exports_world": ("越南出口总额", "Vietnam exports, total"),
    "vn_exports_domestic_sector": ("越南出口:内资部门", "Vietnam exports, domestic sector"),
    "vn_exports_fdi_sector": ("越南出口:外资部门(含原油)", "Vietnam exports, FDI sector (incl. crude oil)"),
}


def generated_names(ids: list[str]) -> dict[str, tuple[str, str]]:
    """(zh, en) names of the ids in the many-id families, by rule from the partner, product
    and industry tables (an id no rule matches is left out)."""
    from macrodesk.models.inflation.ppi_industry import INDUSTRIES
    from macrodesk.models.trade.ids import PARTNERS, VN_PRODUCT_NAMES

    partners = {k: (zh, en) for k, zh, en in PARTNERS}
    vn_products = {k: (zh, en) for k, zh, en in VN_PRODUCT_NAMES}

    def industry(key: str) -> tuple[str, str] | None:
        if key in _INDUSTRY_AGGREGATES:
            return _INDUSTRY_AGGREGATES[key]
        return INDUSTRIES.get(_INDUSTRY_ALIASES.get(key, key))

    out: dict[str, tuple[str, str]] = {}
    for sid in ids:
        name: tuple[str, str] | None = None
        if sid in MORE_NAMES:
            name = MORE_NAMES[sid]
        elif sid in _FAI:
            zh, en = _FAI[sid]
            name = (zh, en) if sid.endswith("_level") else (f"{zh}:累计同比", f"{en}, YTD YoY")
        elif sid.startswith("fai_mfg_") and sid.endswith("_ytd_yoy"):
            ind = industry(sid[len("fai_mfg_"):-len("_ytd_yoy")])
            if ind:
                name = (f"固定资产投资:{ind[0]}:累计同比", f"FAI: {ind[1]}, YTD YoY")
        elif sid.startswith("industry_"):
            for meas, ((mzh, men), (yzh, yen)) in _INDUSTRY_MEASURES.items():
                for suffix, (szh, sen) in (("_yoy_", (yzh, yen)), ("_", ("", ""))):
                    pre = f"industry_{meas}{suffix}"
                    if sid.startswith(pre) and (ind := industry(sid[len(pre):])):
                        head = mzh.split(":")[0] if szh else mzh
                        ehead = men.removesuffix(" YTD") if sen else men
                        name = (f"工业企业:{ind[0]}:{head}" + (f":{szh}" if szh else ""),
                                f"Industrial enterprises, {ind[1]}: {ehead}" + (f", {sen}" if sen else ""))
                        break
                if name:
                    break
        elif "_usd_region_" in sid:
            flow, rest = sid.split("_usd_region_")
            key, ytd = (rest[:-len("_ytd_yoy")], True) if rest.endswith("_ytd_yoy") else (rest, False)
            if key in partners and flow in _FLOWS:
                fzh, fen, prep = _FLOWS[flow]
                pzh, pen = partners[key]
                name = ((f"对{pzh}{fzh}:累计同比(美元计)", f"{fen} {prep} {pen}, YTD YoY (USD)") if ytd
                        else (f"对{pzh}{fzh}金额(美元计)", f"{fen} {prep} {pen} (USD)"))
                if flow == "imports":
                    name = (name[0].replace("对", "自", 1), name[1])
        elif "_cny_" in sid:
            flow, rest = sid.split("_cny_", 1)
            for meas, (mzh, men) in (("_ytd_yoy", ("累计同比", "YTD YoY")), ("_ytd_level", ("累计值", "YTD")),
                                     ("_level", ("", ""))):
                if rest.endswith(meas) and rest[: -len(meas)] in _CNY_AGGREGATES and flow in _FLOWS:
                    azh, aen = _CNY_AGGREGATES[rest[: -len(meas)]]
                    fzh, fen, prep = _FLOWS[flow]
                    where_zh = (("对" if flow != "imports" else "自") + azh) if azh else ""
                    where_en = f" {prep} {aen}" if azh else ", total"
                    name = (f"{where_zh}{fzh}金额(人民币计)" + (f":{mzh}" if mzh else ""),
                            f"{fen}{where_en} (CNY)" + (f", {men}" if men else ""))
                    break
        elif sid.startswith("vn_exports_"):
            base = sid
            meas = ("", "")
            for suf, m in (("_ytd_yoy", ("累计同比", "YTD YoY")), ("_ytd", ("累计值", "YTD")), ("_yoy", ("当月同比", "YoY"))):
                if sid.endswith(suf):
                    base, meas = sid[: -len(suf)], m
                    break
            b = MORE_NAMES.get(base)
            if b is None and base.startswith("vn_exports_product_") and base[len("vn_exports_product_"):] in vn_products:
                pzh, pen = vn_products[base[len("vn_exports_product_"):]]
                b = (f"越南出口:{pzh}", f"Vietnam exports, {pen.lower()}")
            if b:
                name = (b[0] + (f":{meas[0]}" if meas[0] else ""), b[1] + (f", {meas[1]}" if meas[1] else ""))
        elif sid.startswith(("kr_exports_", "kr_imports_")):
            flow, key = sid[3:].split("_", 1)
            if key in _KR_PARTNERS:
                pzh, pen = _KR_PARTNERS[key]
                name = ((f"韩国对{pzh}出口", f"Korea exports to {pen}") if flow == "exports"
                        else (f"韩国自{pzh}进口", f"Korea imports from {pen}"))
        elif sid.startswith("wsts_semis_billings_") and sid[len("wsts_semis_billings_"):] in _WSTS:
            zh, en = _WSTS[sid[len("wsts_semis_billings_"):]]
            name = (f"WSTS半导体销售额:{zh}", f"WSTS semiconductor billings, {en}")
        elif sid.startswith("hh_"):
            for pre, (zh, en) in (("hh_consumption_pc_ytd_", ("居民人均消费支出", "Household consumption per head")),):
                if sid.startswith(pre):
                    rest = sid[len(pre):]
                    yoy = rest.endswith("_yoy")
                    cat = rest[:-4] if yoy else rest
                    if cat in _GROUPS:
                        czh, cen = _GROUPS[cat]
                        name = (f"{zh}:{czh}:" + ("累计同比" if yoy else "累计值"),
                                f"{en}, {cen}, YTD" + (" YoY" if yoy else ""))
            if sid.startswith("hh_disposable_income_pc_ytd"):
                yoy = sid.endswith("_yoy")
                name = ("居民人均可支配收入:" + ("累计同比" if yoy else "累计值"),
                        "Disposable income per head, YTD" + (" YoY" if yoy else ""))
        elif sid.startswith("cpi_"):
            for suf, (szh, sen) in (("_mom", ("环比", "MoM")), ("_index_prev_year", ("(上年同月=100)", "(same month last year=100)"))):
                if sid.endswith(suf) and sid[4: -len(suf)] in _GROUPS:
                    gzh, gen_ = _GROUPS[sid[4: -len(suf)]]
                    name = (f"CPI:{gzh}" + (f":{szh}" if not szh.startswith("(") else szh),
                            f"CPI {gen_} {sen}")
                    break
        if name is not None:
            out[sid] = name
    return out


# ids whose observation dates are ambiguous (one observation) or irregular
FREQ_OVERRIDES: dict[str, str] = {
    "lpr_1y": "D",
    "sow_inventory_points": "A",
    "breeding_sow_inventory_q": "Q",
}


def freq_of(dates: pd.Series) -> str:
    """The frequency the CSV importer would infer from these dates."""
    return infer_freq(pd.to_datetime(dates), lenient=True) or "D"


def main(src: str) -> None:
    src_dir = Path(src)
    OUT.mkdir(parents=True, exist_ok=True)
    frames = {f.stem: pd.read_csv(f, dtype=str, keep_default_na=False) for f in sorted(src_dir.glob("*.csv"))}
    # A few ids appear in two files (a long history and the release transcripts);
    # they agree to rounding. Keep the longer file's rows and add only the other
    # file's dates that the longer one lacks, so the sample holds one value a date.
    counts = pd.concat(
        [df.groupby("series_id").size().rename(stem) for stem, df in frames.items()], axis=1
    ).fillna(0)
    primary = counts.idxmax(axis=1)
    for stem, df in frames.items():
        keep = pd.Series(True, index=df.index)
        for sid in df["series_id"].unique():
            if (counts.loc[sid] > 0).sum() > 1 and primary[sid] != stem:
                have = set(frames[primary[sid]].query("series_id == @sid")["date"])
                keep &= ~((df["series_id"] == sid) & df["date"].isin(have))
        frames[stem] = df[keep]
    all_ids = sorted({sid for df in frames.values() for sid in df["series_id"].unique()})
    generated = generated_names([i for i in all_ids if i not in NAMES])
    cat = {}
    for stem, df in frames.items():
        text = df.to_csv(index=False).encode("utf-8")
        with open(OUT / f"{stem}.csv.gz", "wb") as raw:  # mtime=0: identical input, identical bytes
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as fh:
                fh.write(text)
        for sid, g in df.groupby("series_id", sort=True):
            if sid in cat:
                continue
            freq = FREQ_OVERRIDES.get(sid) or freq_of(frames[primary[sid]].query("series_id == @sid")["date"])
            zh, en = NAMES.get(sid) or generated.get(sid, ("", ""))
            if not en and sid.startswith("wb_"):
                en = sid[3:].replace("_", " ").capitalize() + " (World Bank monthly)"
            cat[sid] = {"series_id": sid, "freq": freq, "name_zh": zh, "name_en": en}
    CATALOGUE.write_text(catalogue_toml(pd.DataFrame(list(cat.values()))), encoding="utf-8")
    unnamed = [sid for sid, row in cat.items() if not row["name_zh"] and not sid.startswith("wb_")]
    print(f"wrote {len(cat)} series to {OUT}" + (f"; {len(unnamed)} without a name: {', '.join(unnamed)}" if unnamed else ""))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
