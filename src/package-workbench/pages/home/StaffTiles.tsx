import { View } from '@tarojs/components';
import { Tile } from '../../../components/Tile';
import { ROUTES } from '../../../lib/nav';

/**
 * The other staff pages. Every staff member gets the community's tools; the administration of places, staff and the
 * audit log is for officers (role admin) only, and their server actions refuse anyone else anyway.
 */
export function StaffTiles({ officer, open }: { officer: boolean; open: (url: string) => void }) {
  return (
    <View id='wb-tiles' className='tiles'>
      <Tile id='wb-tile-dashboard' glyph='数' tone='blue' title='数据看板' sub='社团、活动、党建' onTap={() => open(ROUTES.dashboard())} />
      <Tile id='wb-tile-reports' glyph='表' tone='teal' title='报表' sub='季度统计、花名册' onTap={() => open(ROUTES.reports)} />
      <Tile id='wb-tile-on-behalf' glyph='代' tone='purple' title='代办报备' sub='替老人填写报备' onTap={() => open(ROUTES.onBehalf)} />
      <Tile id='wb-tile-confirmations' glyph='年' tone='amber' title='年度确认' sub='谁还没有确认' onTap={() => open(ROUTES.confirmations)} />
      <Tile id='wb-tile-base' glyph='基' tone='green' title='孵化基地管理' sub='需求、课程、培育' onTap={() => open(ROUTES.baseHome)} />
      {officer ? (
        <>
          <Tile id='wb-tile-places' glyph='区' tone='orange' title='区划管理' sub='街道与社区' onTap={() => open(ROUTES.adminPlaces)} />
          <Tile id='wb-tile-staff' glyph='人' tone='orange' title='人员分配' sub='社工与管理员' onTap={() => open(ROUTES.adminStaff)} />
          <Tile id='wb-tile-audit' glyph='志' tone='grey' title='操作日志' sub='谁在何时做了什么' onTap={() => open(ROUTES.adminAudit)} />
        </>
      ) : null}
    </View>
  );
}
