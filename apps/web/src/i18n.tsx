import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, ReactNode, useContext, useMemo, useState } from 'react';

/** Chinese first, English switchable; the choice is kept in the browser. */
const zh = {
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
type Messages = typeof zh;
const en: Messages = {
  appName: 'careops', login: 'Sign in', username: 'Username', password: 'Password', logout: 'Sign out', demoAccounts: 'Demo accounts (click to fill)',
  loginFailed: 'Wrong username or password', beds: 'Bed board', residents: 'Residents', staff: 'Staff & certificates', staffing: 'Staffing', attendance: 'Day-center attendance',
  claims: 'Subsidy claims', division: 'Division', verify: 'Verify a document', notFound: 'This page does not exist, or is not yours', backHome: 'Home',
  free: 'Free', occupied: 'Occupied', onLeave: 'On leave', outOfService: 'Out of service', nursing: 'Nursing', general: 'General', floor: 'Floor', room: 'Room',
  date: 'Date', admit: 'Admit', admitTo: 'Admit to bed', name: 'Name', gender: 'Gender', male: 'Male', female: 'Female', dateOfBirth: 'Date of birth',
  idNumber: 'ID number', careLevel: 'Care level', admittedOn: 'Admitted on', save: 'Save', cancel: 'Cancel', saved: 'Saved', since: 'since',
  SELF_CARE: 'Self-care', SEMI_DISABLED: 'Semi-disabled', FULLY_DISABLED: 'Fully disabled', unassessed: 'Unassessed', transfer: 'Transfer', leave: 'Leave', discharge: 'Discharge',
  stays: 'Stays', leaves: 'Leaves', assessments: 'Assessments', levelHistory: 'Level history', from: 'From', to: 'To', reason: 'Reason', bed: 'Bed',
  required: 'Required', counted: 'Counted', compliant: 'Compliant', nonCompliant: 'Not compliant', excluded: 'Not counted', certificates: 'Certificates', expiresOn: 'Expires',
  expiringSoon: 'Expiring within 30 days', role: 'Role', fte: 'FTE', month: 'Month', generate: 'Generate / regenerate draft', number: 'Number', state: 'State', total: 'Total',
  lines: 'Lines', days: 'Days', rate: 'Rate', amount: 'Amount', kind: 'Kind', regular: 'Regular', adjustment: 'Adjustment', explanation: 'Explanation',
  submit: 'Submit', approve: 'Record approval', reject: 'Record rejection', pay: 'Record payment', downloadPdf: 'PDF', downloadCsv: 'CSV', downloadXlsx: 'Excel',
  policy: 'Policy version', segments: 'Days in care', formula: 'Formula', facility: 'Facility', bedsInService: 'Beds in service', nursingBeds: 'Nursing beds',
  nursingRatio: 'Nursing ratio', occupancy: 'Occupancy', staffingCompliance: 'Staffing compliance', lastReport: 'Last report', summaryPdf: 'Division summary PDF',
  compliancePdf: 'Compliance', belowTarget: 'below the 55 % target', jobRunning: 'Generating…', verifyHint: 'Choose a PDF this system issued, or type its verification code',
  valid: 'Valid document', invalid: 'No such document', issuedAt: 'Issued', requestedBy: 'Requested by', empty: 'Nothing yet', error: 'Could not load; try again', retry: 'Retry',
  members: 'Members', checkIn: 'In', checkOut: 'Out', rejectReason: 'Reason for rejection', confirm: 'OK', DRAFT: 'Draft', SUBMITTED: 'Submitted', APPROVED: 'Approved', REJECTED: 'Rejected', PAID: 'Paid',
  LEAVE: 'Leave', HOSPITAL: 'Hospital', on: 'On', hover: 'Hover for the resident', category: 'Category',
};

type Lang = 'zh' | 'en';
const I18n = createContext<{ t: Messages; lang: Lang; setLang: (l: Lang) => void }>({ t: zh, lang: 'zh', setLang: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('careops.lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('careops.lang', l);
    setLangState(l);
  };
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  const value = useMemo(() => ({ t: lang === 'zh' ? zh : en, lang, setLang }), [lang]);
  return (
    <I18n.Provider value={value}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1d3557', borderRadius: 4 } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18n.Provider>
  );
}

export const useI18n = () => useContext(I18n);
