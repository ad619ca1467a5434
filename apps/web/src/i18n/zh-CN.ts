/** The Chinese words of the screens: the reference dictionary (every key of en-US must be here). */
export const zhCN = {
  appName: '护理运营', login: '登录', username: '用户名', password: '密码', logout: '退出登录', demoAccounts: '演示账号（点击填入）',
  loginFailed: '用户名或密码错误', beds: '床位一览', residents: '老人', staff: '员工与证书', staffing: '护理人员配备', attendance: '日间照料签到',
  claims: '补贴申领', division: '辖区监管', verify: '文件核验', notFound: '页面不存在，或您无权访问', backHome: '返回首页',
  free: '空闲', occupied: '在住', onLeave: '请假/外出', outOfService: '停用', nursing: '护理型', general: '普通', floor: '楼层', room: '房间',
  date: '日期', admit: '办理入住', admitTo: '入住床位', name: '姓名', gender: '性别', male: '男', female: '女', dateOfBirth: '出生日期',
  idNumber: '身份证号', careLevel: '照护等级', admittedOn: '入住日期', save: '保存', cancel: '取消', saved: '已保存', since: '入住自',
  SELF_CARE: '自理', SEMI_DISABLED: '半失能', FULLY_DISABLED: '全失能', unassessed: '未评估', transfer: '转床', leave: '请假', discharge: '退住',
  stays: '入住记录', leaves: '请假记录', assessments: '能力评估', levelHistory: '等级变化', from: '自', to: '至', reason: '原因', bed: '床位',
  required: '应配', counted: '实配', compliant: '达标', nonCompliant: '未达标', excluded: '未计入人员', certificates: '证书', expiresOn: '到期日',
  expiringSoon: '30天内到期', role: '岗位', fte: '折算全职', month: '月份', generate: '生成/重新生成草稿', number: '编号', state: '状态', total: '合计',
  lines: '申领明细', days: '天数', rate: '月标准', amount: '金额', kind: '类型', regular: '正常', adjustment: '补差/追回', explanation: '计算说明',
  submit: '提交', approve: '记录批准', reject: '记录驳回', pay: '记录拨付', downloadPdf: '下载 PDF', downloadCsv: '下载 CSV', downloadXlsx: '下载 Excel',
  policy: '政策版本', segments: '在院区间', formula: '公式', facility: '机构', bedsInService: '在用床位', nursingBeds: '护理型床位',
  nursingRatio: '护理型占比', occupancy: '入住率', staffingCompliance: '配备达标率', lastReport: '最近报告', summaryPdf: '下载辖区汇总表',
  compliancePdf: '合规报告', belowTarget: '低于 55 % 目标', jobRunning: '正在生成…', verifyHint: '选择本系统出具的 PDF 文件，或输入其核验码',
  valid: '文件有效', invalid: '未找到该文件记录', issuedAt: '出具时间', requestedBy: '申请人', empty: '暂无数据', error: '加载失败，请重试', retry: '重试',
  members: '会员', checkIn: '签到', checkOut: '签退', rejectReason: '驳回原因', confirm: '确定', DRAFT: '草稿', SUBMITTED: '已提交', APPROVED: '已批准', REJECTED: '已驳回', PAID: '已拨付',
  LEAVE: '请假', HOSPITAL: '外出住院', on: '日期', hover: '悬停查看老人', category: '类别',
};

export type Messages = { [K in keyof typeof zhCN]: string };
