namespace WorkforceGraph.Data.Seeding;

/// <summary>A real province with its real prefecture-level divisions (GB/T 2260 digits and names).</summary>
internal sealed record ProvinceDef(int Digits, string Name, string Abbreviation, IReadOnlyList<PrefectureDef> Prefectures);

/// <summary>A real prefecture; <paramref name="Counties"/> lists real county-level divisions where we carry them.</summary>
internal sealed record PrefectureDef(int Digits, string Name, IReadOnlyList<CountyDef>? Counties = null);

internal sealed record CountyDef(int Digits, string Name, IReadOnlyList<string>? Townships = null);

/// <summary>Real provinces and prefectures used by the generator; counties below them are generated unless listed.</summary>
internal static class Geography
{
    public static readonly ProvinceDef Jiangsu = new(32, "江苏省", "JS",
    [
        new(1, "南京市",
        [
            new(2, "玄武区", ["梅园新村街道", "新街口街道", "玄武门街道", "锁金村街道", "红山街道", "孝陵卫街道", "玄武湖街道"]),
            new(4, "秦淮区", ["秦虹街道", "夫子庙街道", "红花街道", "双塘街道", "中华门街道", "五老村街道", "洪武路街道", "大光路街道"]),
            new(5, "建邺区", ["莫愁湖街道", "沙洲街道", "双闸街道", "江心洲街道", "兴隆街道", "南苑街道"]),
            new(6, "鼓楼区", ["宁海路街道", "华侨路街道", "湖南路街道", "中央门街道", "挹江门街道", "江东街道", "凤凰街道"]),
            new(11, "浦口区"), new(13, "栖霞区"), new(14, "雨花台区"), new(15, "江宁区"), new(16, "六合区"), new(17, "溧水区"), new(18, "高淳区"),
        ]),
        new(2, "无锡市",
        [
            new(5, "锡山区"), new(6, "惠山区"), new(11, "滨湖区"), new(13, "梁溪区"), new(14, "新吴区"), new(81, "江阴市"), new(82, "宜兴市"),
        ]),
        new(3, "徐州市"),
        new(4, "常州市"),
        new(5, "苏州市",
        [
            new(5, "虎丘区"), new(6, "吴中区"), new(7, "相城区"), new(8, "姑苏区", ["双塔街道", "金阊街道", "平江街道", "沧浪街道", "虎丘街道", "吴门桥街道", "苏锦街道", "白洋湾街道"]),
            new(9, "吴江区"), new(81, "常熟市"), new(82, "张家港市"), new(83, "昆山市"), new(85, "太仓市"),
        ]),
        new(6, "南通市"), new(7, "连云港市"), new(8, "淮安市"), new(9, "盐城市"), new(10, "扬州市"), new(11, "镇江市"), new(12, "泰州市"), new(13, "宿迁市"),
    ]);

    public static readonly IReadOnlyList<ProvinceDef> National =
    [
        Jiangsu,
        new(33, "浙江省", "ZJ",
        [
            new(1, "杭州市"), new(2, "宁波市"), new(3, "温州市"), new(4, "嘉兴市"), new(5, "湖州市"), new(6, "绍兴市"), new(7, "金华市"),
            new(8, "衢州市"), new(9, "舟山市"), new(10, "台州市"), new(11, "丽水市"),
        ]),
        new(34, "安徽省", "AH",
        [
            new(1, "合肥市"), new(2, "芜湖市"), new(3, "蚌埠市"), new(4, "淮南市"), new(5, "马鞍山市"), new(6, "淮北市"), new(7, "铜陵市"), new(8, "安庆市"),
            new(10, "黄山市"), new(11, "滁州市"), new(12, "阜阳市"), new(13, "宿州市"), new(15, "六安市"), new(16, "亳州市"), new(17, "池州市"), new(18, "宣城市"),
        ]),
        new(37, "山东省", "SD",
        [
            new(1, "济南市"), new(2, "青岛市"), new(3, "淄博市"), new(4, "枣庄市"), new(5, "东营市"), new(6, "烟台市"), new(7, "潍坊市"), new(8, "济宁市"),
            new(9, "泰安市"), new(10, "威海市"), new(11, "日照市"), new(13, "临沂市"), new(14, "德州市"), new(15, "聊城市"), new(16, "滨州市"), new(17, "菏泽市"),
        ]),
        new(41, "河南省", "HA",
        [
            new(1, "郑州市"), new(2, "开封市"), new(3, "洛阳市"), new(4, "平顶山市"), new(5, "安阳市"), new(6, "鹤壁市"), new(7, "新乡市"), new(8, "焦作市"),
            new(9, "濮阳市"), new(10, "许昌市"), new(11, "漯河市"), new(12, "三门峡市"), new(13, "南阳市"), new(14, "商丘市"), new(15, "信阳市"), new(16, "周口市"),
            new(17, "驻马店市"),
        ]),
        new(42, "湖北省", "HB",
        [
            new(1, "武汉市"), new(2, "黄石市"), new(3, "十堰市"), new(5, "宜昌市"), new(6, "襄阳市"), new(7, "鄂州市"), new(8, "荆门市"), new(9, "孝感市"),
            new(10, "荆州市"), new(11, "黄冈市"), new(12, "咸宁市"), new(13, "随州市"),
        ]),
        new(44, "广东省", "GD",
        [
            new(1, "广州市"), new(2, "韶关市"), new(3, "深圳市"), new(4, "珠海市"), new(5, "汕头市"), new(6, "佛山市"), new(7, "江门市"), new(8, "湛江市"),
            new(9, "茂名市"), new(12, "肇庆市"), new(13, "惠州市"), new(14, "梅州市"), new(15, "汕尾市"), new(16, "河源市"), new(17, "阳江市"), new(18, "清远市"),
            new(51, "潮州市"), new(52, "揭阳市"), new(53, "云浮市"),
        ]),
        new(51, "四川省", "SC",
        [
            new(1, "成都市"), new(3, "自贡市"), new(4, "攀枝花市"), new(5, "泸州市"), new(6, "德阳市"), new(7, "绵阳市"), new(8, "广元市"), new(9, "遂宁市"),
            new(10, "内江市"), new(11, "乐山市"), new(13, "南充市"), new(14, "眉山市"), new(15, "宜宾市"), new(16, "广安市"), new(17, "达州市"), new(18, "雅安市"),
            new(19, "巴中市"), new(20, "资阳市"),
        ]),
    ];
}
