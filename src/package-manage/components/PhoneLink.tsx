import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** A phone number that dials on tap (the phone asks before calling). Stops the tap reaching the row. */
export function PhoneLink({ mobile }: { mobile: string | null }) {
  if (!mobile) return <View className='member__phone member__phone--none'>未登记手机号</View>;
  return (
    <View
      className='member__phone'
      role='link'
      aria-label={`电话 ${mobile}，点按拨打`}
      onClick={(e) => {
        e.stopPropagation();
        void Taro.makePhoneCall({ phoneNumber: mobile }).catch(() => undefined);
      }}
    >
      电话 {mobile}
    </View>
  );
}
